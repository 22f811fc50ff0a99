/**
 * The route finder's own texts, in `src/i18n/public.<code>.json`: one file per language, so a
 * language is added by adding a file. A separate i18next instance, so the public pages never touch
 * the app's language setting (which is kept in localStorage): the visitor's choice lives in the
 * address only (`?lang=en`), nothing is stored in the browser.
 */
import i18next, { type TFunction } from 'i18next';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type publicNl from '../../../i18n/public.nl.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type PublicKey = Leaves<typeof publicNl>;
export type PT = (key: PublicKey, options?: Record<string, unknown>) => string;

export const PUBLIC_DEFAULT_LANGUAGE = 'nl';

const files = import.meta.glob<{ default: typeof publicNl }>('../../../i18n/public.*.json', { eager: true });

export const publicResources: Record<string, { public: typeof publicNl }> = Object.fromEntries(
  Object.entries(files).map(([path, mod]) => [path.replace(/^.*\/public\.(.+)\.json$/, '$1'), { public: mod.default }]),
);

/** The languages of the route finder, Dutch first, each with its own name for itself. */
export const publicLanguages: { code: string; name: string }[] = Object.keys(publicResources)
  .sort((a, b) => (a === PUBLIC_DEFAULT_LANGUAGE ? -1 : b === PUBLIC_DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)))
  .map((code) => ({ code, name: publicResources[code]?.public.language.name ?? code }));

const instance = i18next.createInstance();
void instance.init({
  resources: publicResources,
  ns: ['public'],
  defaultNS: 'public',
  lng: PUBLIC_DEFAULT_LANGUAGE,
  fallbackLng: PUBLIC_DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A supported language code, or the default. */
export function publicLanguage(code: string | null | undefined): string {
  return code && code in publicResources ? code : PUBLIC_DEFAULT_LANGUAGE;
}

interface PublicText {
  lang: string;
  /** `rtl` for Arabic, else `ltr` (the language file says which). */
  dir: 'ltr' | 'rtl';
  t: PT;
  /** True when texts the API gives in Dutch and English should be read in English. */
  english: boolean;
}

const Context = createContext<PublicText | null>(null);

/** Gives the public texts in `lang`; with `document` set, the page's `<html lang>` follows. */
export function PublicTextProvider({ lang, document: setDocument = false, children }: { lang: string; document?: boolean; children: ReactNode }) {
  const code = publicLanguage(lang);
  const value = useMemo<PublicText>(() => {
    const fixed = instance.getFixedT(code, 'public' as never) as TFunction;
    const dir = publicResources[code]?.public.language.dir === 'rtl' ? 'rtl' : 'ltr';
    return { lang: code, dir, t: fixed as unknown as PT, english: code !== 'nl' };
  }, [code]);
  useEffect(() => {
    if (!setDocument) return;
    const root = document.documentElement;
    root.lang = code;
    root.dir = value.dir;
    // back to left-to-right when the visitor leaves the public page for the app
    return () => root.removeAttribute('dir');
  }, [code, setDocument, value.dir]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePT(): PublicText {
  const value = useContext(Context);
  if (!value) throw new Error('usePT needs a <PublicTextProvider>');
  return value;
}
