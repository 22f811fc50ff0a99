/** Formatting of jobs, hours and months for the inclusion screens. */
import { formatNumber } from '../../lib/format';
import { type Translate } from '../../lib/i18n';

function locale(language: string): string {
  return language === 'nl' ? 'nl-NL' : language === 'en' ? 'en-GB' : language;
}

/** The API's number (or decimal text) as a number; null when absent or not a number. */
export function num(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Jobs with at most two decimals: "0,78", "3". */
export function formatJobs(value: number | string | null | undefined, language: string): string {
  const n = num(value);
  if (n === null) return '';
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(n);
}

/** "3 banen", "1 baan", "0,5 baan" (the plural of the language for the number). */
export function jobsText(value: number | string | null | undefined, t: Translate<'inclusion'>, language: string): string {
  const n = num(value) ?? 0;
  return t('inclusion.ambition.jobs', { count: n, jobs: formatJobs(n, language) });
}

/** Hours: "182.000", "12,75". */
export function formatHours(value: number | string | null | undefined, language: string): string {
  return formatNumber(value, language);
}

/** A percentage the API gives as a number (2.76): "2,76%". */
export function formatPercentage(value: number | string | null | undefined, language: string): string {
  const n = num(value);
  if (n === null) return '';
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 2 }).format(n / 100);
}

/** A month `2026-11` as "november 2026" (long) or "nov 2026" (short). */
export function formatMonth(value: string, language: string, style: 'long' | 'short' = 'long'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale(language), { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A placement's neutral name: "Plaatsing 3 bij OBS De Spil". */
export function placementLabel(p: { number: number; schoolName: string }, t: Translate<'inclusion'>): string {
  return t('inclusion.placements.label', { number: p.number, school: p.schoolName });
}

/** The short name of a month `2026-11` without its year: "nov". */
export function monthName(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale(language), { month: 'short', timeZone: 'UTC' }).format(date).replace(/\.$/, '');
}
