/**
 * Translation for the complaint routes and confidential work. Their texts live in
 * `complaints.<code>.json`, a namespace plain keys fall back to (see `src/i18n/index.ts`); `useCT`
 * gives a `t` typed for those keys, the registry's and the app's.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type complaintsNl from '../../i18n/complaints.nl.json';
import type { RegistryKey } from '../registry/i18n';

type StripPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ComplaintsKey = Leaves<typeof complaintsNl> | RegistryKey;

/** A translate function for complaint, registry and app keys. */
export type CT = (key: ComplaintsKey, options?: Record<string, unknown>) => string;

export function useCT() {
  const { t, i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return { t: t as unknown as CT, i18n, i18nT: t as TFunction, english };
}

/** A text the API gives in Dutch and English (`textNl`/`textEn`), in the reader's language. */
export function pick(english: boolean, nl: string | null | undefined, en: string | null | undefined): string {
  return (english ? en || nl : nl || en) ?? '';
}
