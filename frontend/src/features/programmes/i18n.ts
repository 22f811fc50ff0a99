/**
 * Translation for the regional programmes. Their texts live in `programmes.<code>.json`, a namespace
 * plain keys fall back to (see `src/i18n/index.ts`); `usePT` gives a `t` typed for those keys, the
 * registry's and the app's own.
 */
import { useTranslation } from 'react-i18next';
import type programmesNl from '../../i18n/programmes.nl.json';
import type { Leaves, RegistryKey } from '../registry/i18n';

export type ProgrammesKey = Leaves<typeof programmesNl> | RegistryKey;

/** A translate function for programme, registry and app keys. */
export type PT = (key: ProgrammesKey, options?: Record<string, unknown>) => string;

export function usePT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as PT, i18n, language: i18n.resolvedLanguage ?? i18n.language };
}
