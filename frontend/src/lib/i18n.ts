/**
 * Translation for the screens: one hook, `useT(namespace)`, over the one fallback chain of
 * `src/i18n/index.ts`. Each feature keeps its texts in `<namespace>.<code>.json`; plain keys fall back
 * to every namespace, so `t` works for any key, and `useT('keypersons')` types it for that namespace's
 * keys, the registry's (the shared screens' words: levels, statuses, form texts) and the app's own,
 * without widening the app-wide i18next types.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type nl from '../i18n/nl.json';
import type areasNl from '../i18n/areas.nl.json';
import type complaintsNl from '../i18n/complaints.nl.json';
import type inclusionNl from '../i18n/inclusion.nl.json';
import type indicatorsNl from '../i18n/indicators.nl.json';
import type keypersonsNl from '../i18n/keypersons.nl.json';
import type programmesNl from '../i18n/programmes.nl.json';
import type registryNl from '../i18n/registry.nl.json';

export type StripPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** The dotted paths of a translation file's texts (plural forms by their base key). */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The features' namespaces and the Dutch file that defines each one's keys. */
export interface Namespaces {
  registry: typeof registryNl;
  complaints: typeof complaintsNl;
  keypersons: typeof keypersonsNl;
  indicators: typeof indicatorsNl;
  areas: typeof areasNl;
  inclusion: typeof inclusionNl;
  programmes: typeof programmesNl;
}
export type Namespace = keyof Namespaces;

/** The keys a screen of these namespaces may use: theirs, the registry's and the app's. */
export type TKey<N extends Namespace = 'registry'> = NamespaceKey<N> | Leaves<typeof registryNl> | Leaves<typeof nl>;
type NamespaceKey<N extends Namespace> = N extends Namespace ? Leaves<Namespaces[N]> : never;

/** A translate function typed for the keys of these namespaces. */
export type Translate<N extends Namespace = 'registry'> = (key: TKey<N>, options?: Record<string, unknown>) => string;

/** The registry's translate function (the shared screens' keys and the app's). */
export type RT = Translate<'registry'>;
export type RegistryKey = TKey<'registry'>;

/**
 * `t` typed for one or more namespaces (`useT('areas', 'complaints')`), with i18next's own `t`
 * (`i18nT`) for helpers that take its type, the language and whether it is English.
 */
export function useT<N extends Namespace = 'registry'>(...namespaces: N[]) {
  void namespaces; // the fallback chain reaches every namespace; the names only type `t`
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return { t: t as unknown as Translate<N>, i18n, i18nT: t as TFunction, language, english: language === 'en' };
}

/** The app's `t` for helpers (such as `fieldErrorMessage`) that take i18next's own type. */
export function asTFunction<N extends Namespace>(t: Translate<N>): TFunction {
  return t as unknown as TFunction;
}

/** A text the API gives in Dutch and English (`textNl`/`textEn`), in the reader's language. */
export function pick(english: boolean, nl: string | null | undefined, en: string | null | undefined): string {
  return (english ? en || nl : nl || en) ?? '';
}
