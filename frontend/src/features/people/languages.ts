/** Languages spoken: ISO 639 codes, shown by their name in the user's language. */

/** The languages most spoken in Dutch schools' communities, offered as checkboxes. */
export const COMMON_LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'de', 'fr', 'es', 'so', 'ti', 'fa', 'zh', 'pap'] as const;

const names = new Map<string, Intl.DisplayNames | null>();

/** Languages the browser's data may not name (it then answers with the code itself). */
const FALLBACK_NAMES: Record<string, { nl: string; en: string }> = {
  pap: { nl: 'Papiaments', en: 'Papiamento' },
  ber: { nl: 'Berbers', en: 'Berber' },
  rif: { nl: 'Tarifit (Riffijns)', en: 'Tarifit (Riffian)' },
};

export function languageName(code: string, language: string): string {
  const fallback = FALLBACK_NAMES[code.toLowerCase()];
  const named = intlName(code, language);
  if (fallback && (named === code || named.toLowerCase() === code.toLowerCase())) {
    return language.startsWith('nl') ? fallback.nl : fallback.en;
  }
  return named;
}

function intlName(code: string, language: string): string {
  let display = names.get(language);
  if (display === undefined) {
    try {
      display = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      display = null;
    }
    names.set(language, display);
  }
  try {
    return display?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "ar, ber; xx" typed by the user: the codes, lower case, without duplicates. */
export function parseLanguageCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toLowerCase()).filter(Boolean))];
}
