/**
 * Translation for the registry screens. Their texts live in `registry.<code>.json`, a namespace that
 * plain keys fall back to (see `src/i18n/index.ts`); `useRT` gives a `t` that is typed for those keys
 * and for the app's own keys, without widening the app-wide i18next types.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type nl from '../../i18n/nl.json';
import type registryNl from '../../i18n/registry.nl.json';

export type StripPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** The dotted paths of a translation file's texts (plural forms by their base key). */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type RegistryKey = Leaves<typeof registryNl> | Leaves<typeof nl>;

/** A translate function for registry and app keys. */
export type RT = (key: RegistryKey, options?: Record<string, unknown>) => string;

export function useRT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as RT, i18n, i18nT: t };
}

/** The app's `t` for helpers (such as `fieldErrorMessage`) that take i18next's own type. */
export function asTFunction(t: RT): TFunction {
  return t as unknown as TFunction;
}
