/**
 * Translation for the indicator screens. Their texts live in `indicators.<code>.json`, a namespace
 * plain keys fall back to (see `src/i18n/index.ts`); `useIT` gives a `t` typed for those keys, the
 * registry's and the app's own.
 */
import { useTranslation } from 'react-i18next';
import type indicatorsNl from '../../i18n/indicators.nl.json';
import type { Leaves, RegistryKey } from '../registry/i18n';

export type IndicatorKey = Leaves<typeof indicatorsNl> | RegistryKey;

/** A translate function for indicator, registry and app keys. */
export type IT = (key: IndicatorKey, options?: Record<string, unknown>) => string;

export function useIT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as IT, i18n, language: i18n.resolvedLanguage ?? i18n.language };
}
