/**
 * Translation for the key-person screens. Their texts live in `keypersons.<code>.json`, a namespace
 * plain keys fall back to (see `src/i18n/index.ts`); `useKT` gives a `t` typed for those keys, the
 * registry's and the app's own.
 */
import { useTranslation } from 'react-i18next';
import type keypersonsNl from '../../i18n/keypersons.nl.json';
import type { Leaves, RegistryKey } from '../registry/i18n';

export type KeyPersonKey = Leaves<typeof keypersonsNl> | RegistryKey;

/** A translate function for key-person, registry and app keys. */
export type KT = (key: KeyPersonKey, options?: Record<string, unknown>) => string;

export function useKT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as KT, i18n, language: i18n.resolvedLanguage ?? i18n.language };
}
