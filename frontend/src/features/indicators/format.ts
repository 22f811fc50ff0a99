/** Numbers of an indicator in the user's language, and the point's text when there is no number. */
import type { IT } from './i18n';
import type { SeriesPoint, Unit } from './types';

export function formatValue(value: number, unit: Unit, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 'euro' ? 2 : 1 }).format(value);
  if (unit === 'percentage') return `${number}%`;
  if (unit === 'euro') return `€ ${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}`;
  return number;
}

/** The table's text for a point: its value, "hidden (<5)" or "no value". */
export function pointText(point: Pick<SeriesPoint, 'value' | 'suppressed'>, unit: Unit, language: string, t: IT): string {
  if (point.suppressed) return t('indicators.table.suppressed');
  if (point.value === null || point.value === undefined) return t('indicators.table.missing');
  return formatValue(point.value, unit, language);
}

/** The indicator's name in the user's language. */
export function indicatorName(indicator: { nameNl: string; nameEn: string }, language: string): string {
  return language.startsWith('nl') ? indicator.nameNl : indicator.nameEn;
}
