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

/** Formatting and parsing for the registry's dates and hours (money: `lib/money`). */


/** A calendar date (`2026-12-23`) as "23 december 2026"; anything else as it is. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A quantity that is not money (hours): a number, or the API's decimal text (`"6.00"`) of one.
 * Amounts of money are formatted by `lib/money`.
 */
export function formatNumber(value: number | string | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n)) return String(value);
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(n);
}

/** A quantity from the API (hours: `6`, `"6.00"`, `"2.50"`) in a form's field: `6`, `2.5`. */
export function numberInputText(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(n) ? String(value) : String(n);
}

/**
 * A decimal as typed by a Dutch or English user ("2.500,50", "2500.5", "16"): the number, null when
 * empty, NaN when it is not a number.
 */
export function parseDecimal(value: string): number | null {
  let text = value.trim().replace(/\s|€/g, '');
  if (text === '') return null;
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** An empty date field means "no date". */
export function dateOrNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** Today as `YYYY-MM-DD`: the product's date (see lib/clock). */
export { today } from './clock';
