/**
 * Translation for the inclusion screens. Their texts live in `inclusion.<code>.json`, a namespace
 * plain keys fall back to (see `src/i18n/index.ts`); `useIT` gives a `t` typed for those keys, the
 * registry's and the app's own.
 */
import { useTranslation } from 'react-i18next';
import type inclusionNl from '../../i18n/inclusion.nl.json';
import type { Leaves, RegistryKey } from '../registry/i18n';

export type InclusionKey = Leaves<typeof inclusionNl> | RegistryKey;

/** A translate function for inclusion, registry and app keys. */
export type IT = (key: InclusionKey, options?: Record<string, unknown>) => string;

export function useIT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as IT, i18n, language: i18n.resolvedLanguage ?? i18n.language };
}
