/**
 * Translations: one JSON file per language in this folder (`nl.json`, `en.json`, ...).
 * Dropping in another file, with every key of `nl.json`, adds a language to the switcher.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';
import complaintsNl from './complaints.nl.json';
import registryNl from './registry.nl.json';
import keypersonsNl from './keypersons.nl.json';
import indicatorsNl from './indicators.nl.json';
import areasNl from './areas.nl.json';
import inclusionNl from './inclusion.nl.json';
import programmesNl from './programmes.nl.json';

export const DEFAULT_LANGUAGE = 'nl';
const STORAGE_KEY = 'spil.language';

// Files named `<namespace>.<code>.json` belong to a feature's namespace; `public.*` is the route finder's own.
const files = import.meta.glob<{ default: typeof nl }>(['./*.json', '!./*.*.json'], { eager: true });
// The registry screens (partners, people, roles, gaps, ...) keep their texts in `registry.<code>.json`,
// a namespace of its own that plain keys fall back to.
const registryFiles = import.meta.glob<{ default: typeof registryNl }>('./registry.*.json', { eager: true });
// The complaint routes and confidential work (route editor, case register, annual report).
const complaintsFiles = import.meta.glob<{ default: typeof complaintsNl }>('./complaints.*.json', { eager: true });
// Key persons and the volunteer allowance: `keypersons.<code>.json`, likewise.
const keypersonsFiles = import.meta.glob<{ default: typeof keypersonsNl }>('./keypersons.*.json', { eager: true });
// Indicators (dashboard, entry of measurements): `indicators.<code>.json`, likewise.
const indicatorsFiles = import.meta.glob<{ default: typeof indicatorsNl }>('./indicators.*.json', { eager: true });
// The area dashboards and the regions' administration: `areas.<code>.json`, likewise.
const areasFiles = import.meta.glob<{ default: typeof areasNl }>('./areas.*.json', { eager: true });
// Inclusive employment (the job agreement's tracks, placements, employer service points): `inclusion.<code>.json`, likewise.
const inclusionFiles = import.meta.glob<{ default: typeof inclusionNl }>('./inclusion.*.json', { eager: true });
// Regional programmes (lines, initiatives, results, shared partnerships): `programmes.<code>.json`, likewise.
const programmesFiles = import.meta.glob<{ default: typeof programmesNl }>('./programmes.*.json', { eager: true });

export const resources: Record<
  string,
  { translation: typeof nl; registry?: typeof registryNl; complaints?: typeof complaintsNl;
    keypersons?: typeof keypersonsNl;
    indicators?: typeof indicatorsNl;
    areas?: typeof areasNl;
    inclusion?: typeof inclusionNl;
    programmes?: typeof programmesNl;
  }
> = Object.fromEntries(
  Object.entries(files).map(([path, mod]) => {
    const code = path.replace(/^.*\/(.+)\.json$/, '$1');
    return [
      code,
      {
        translation: mod.default,
        registry: registryFiles[`./registry.${code}.json`]?.default,
        complaints: complaintsFiles[`./complaints.${code}.json`]?.default,
        keypersons: keypersonsFiles[`./keypersons.${code}.json`]?.default,
        indicators: indicatorsFiles[`./indicators.${code}.json`]?.default,
        areas: areasFiles[`./areas.${code}.json`]?.default,
        inclusion: inclusionFiles[`./inclusion.${code}.json`]?.default,
        programmes: programmesFiles[`./programmes.${code}.json`]?.default,
      },
    ];
  }),
);

/** The languages on offer, Dutch first, each with its own name for itself. */
export const languages: { code: string; name: string }[] = Object.keys(resources)
  .sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)))
  .map((code) => ({ code, name: resources[code]?.translation.language.name ?? code }));

function storedLanguage(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && value in resources ? value : null;
  } catch {
    return null;
  }
}

function syncDocument(lng: string): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lng;
  }
}

export function setupI18n(language?: string) {
  if (!i18n.isInitialized) {
    i18n.use(initReactI18next).init({
      resources,
      ns: ['translation', 'registry', 'complaints', 'keypersons', 'indicators', 'areas', 'inclusion', 'programmes'],
      fallbackNS: ['registry', 'complaints', 'keypersons', 'indicators', 'areas', 'inclusion', 'programmes'],
      lng: language ?? storedLanguage() ?? DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: Object.keys(resources),
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    i18n.on('languageChanged', (lng) => {
      syncDocument(lng);
      try {
        window.localStorage.setItem(STORAGE_KEY, lng);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
    });
    syncDocument(i18n.language);
  } else if (language && i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  return i18n;
}

export default i18n;
