import type { TFunction } from 'i18next';
import type { Counts, RunCounts } from './types';
import { COLLECTIONS } from './types';

/** The counts of a run added up over schools, people and roles. */
export function totals(counts: RunCounts): Counts {
  const sum: Counts = { created: 0, updated: 0, unchanged: 0, ended: 0, failed: 0 };
  for (const collection of COLLECTIONS) {
    const c = counts[collection] ?? sum;
    sum.created += c.created ?? 0;
    sum.updated += c.updated ?? 0;
    sum.unchanged += c.unchanged ?? 0;
    sum.ended += c.ended ?? 0;
    sum.failed += c.failed ?? 0;
  }
  return sum;
}

/** "3 new, 1 updated, 0 ended, 0 with problems". */
export function shortCounts(counts: RunCounts, t: TFunction): string {
  const sum = totals(counts);
  return String(t('sync.short', { created: sum.created, updated: sum.updated, ended: sum.ended, failed: sum.failed }));
}

/** A changed value as the page shows it: empty values in words, dates as dates, lists and objects as text. */
export function showValue(value: unknown, empty: string, language = 'nl'): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T12:00:00Z`).toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
