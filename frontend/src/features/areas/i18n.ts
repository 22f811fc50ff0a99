/**
 * Translation for the area dashboards and the regions' administration. Their texts live in
 * `areas.<code>.json`, a namespace plain keys fall back to (see `src/i18n/index.ts`); `useAT` gives a
 * `t` typed for those keys, the registry's (for partnership levels and statuses), the complaints'
 * (for the problem areas) and the app's own.
 */
import { useTranslation } from 'react-i18next';
import type areasNl from '../../i18n/areas.nl.json';
import type complaintsNl from '../../i18n/complaints.nl.json';
import type { Leaves, RegistryKey } from '../registry/i18n';

export type AreaKey = Leaves<typeof areasNl> | Leaves<typeof complaintsNl> | RegistryKey;

/** A translate function for area, complaints, registry and app keys. */
export type AT = (key: AreaKey, options?: Record<string, unknown>) => string;

export function useAT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as AT, i18n, language: i18n.resolvedLanguage ?? i18n.language };
}
