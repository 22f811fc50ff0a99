/** Months, periods and amounts of the allowance screens. */

function locale(language: string): string {
  return language === 'nl' ? 'nl-NL' : language === 'en' ? 'en-GB' : language;
}

/** `2026-12` as "december 2026" (or "December 2026"); a year stays as it is. */
export function periodLabel(period: string | null | undefined, language: string): string {
  if (!period) return '';
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The short name of a month (1–12): "jan", "Jan". */
export function monthShort(month: number, language: string): string {
  const date = new Date(Date.UTC(2024, month - 1, 1));
  return new Intl.DateTimeFormat(locale(language), { month: 'short', timeZone: 'UTC' }).format(date).replace(/\.$/, '');
}

/** The months of a year as `YYYY-MM`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Hours for the API: two decimals as text. Hours are not money (amounts go through `lib/money`,
 * exactly); a quantity of hours may pass through a number.
 */
export function hoursText(value: number): string {
  return value.toFixed(2);
}

/** A key for `Idempotency-Key`: a retry of the same create returns the first answer. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This calendar year: the product's (see lib/clock). */
export { currentYear } from '../../lib/clock';
