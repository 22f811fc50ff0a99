const formats = new Map<string, Intl.DateTimeFormat>();

function locale(language: string): string {
  return language === 'nl' ? 'nl-NL' : language === 'en' ? 'en-GB' : language;
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `dt:${language}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(key, format);
  }
  return format.format(date);
}

/** Shows any JSON value of an audit snapshot as short text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Makes a link usable when the stored website has no scheme. */
export function externalHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/** Text for matching a search: lower case without accents, so that "fryslan" finds "Súdwest-Fryslân". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
