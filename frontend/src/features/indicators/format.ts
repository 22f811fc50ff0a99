/** Numbers of an indicator in the user's language, and the point's text when there is no number. */
import { type Translate } from '../../lib/i18n';
import type { Direction, SeriesPoint, Unit } from './types';

export function formatValue(value: number, unit: Unit, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 'euro' ? 2 : 1 }).format(value);
  if (unit === 'percentage') return `${number}%`;
  if (unit === 'euro') return `€ ${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}`;
  return number;
}

/** The table's text for a point: its value, "hidden (<5)" or "no value". */
export function pointText(point: Pick<SeriesPoint, 'value' | 'suppressed'>, unit: Unit, language: string, t: Translate<'indicators'>): string {
  if (point.suppressed) return t('indicators.table.suppressed');
  if (point.value === null || point.value === undefined) return t('indicators.table.missing');
  return formatValue(point.value, unit, language);
}

/** The indicator's name in the user's language. */
export function indicatorName(indicator: { nameNl: string; nameEn: string }, language: string): string {
  return language.startsWith('nl') ? indicator.nameNl : indicator.nameEn;
}

/**
 * A value against its target, by the indicator's direction: `met` or `not-met` (higher or lower is
 * better), `neutral` (no better side: only the difference counts), or nothing to compare.
 */
export type TargetStatus = 'met' | 'not-met' | 'neutral' | 'no-target' | 'no-value';

export function targetStatus(
  point: Pick<SeriesPoint, 'value' | 'target' | 'suppressed'>,
  direction: Direction,
): TargetStatus {
  if (point.suppressed || point.value === null || point.value === undefined) return 'no-value';
  if (point.target === null || point.target === undefined) return 'no-target';
  if (direction === 'neutral') return 'neutral';
  const met = direction === 'higher-is-better' ? point.value >= point.target : point.value <= point.target;
  return met ? 'met' : 'not-met';
}

/** The symbol that goes with a status, so that colour is never the only sign. */
export const STATUS_ICONS: Record<TargetStatus, string> = { met: '✓', 'not-met': '✗', neutral: '≈', 'no-target': '', 'no-value': '' };

/**
 * The status in words: "target met, 5 above the target", "target not met, 2 below the target",
 * "3 above the target" (neutral), "no target" or "no value".
 */
export function targetStatusText(
  point: Pick<SeriesPoint, 'value' | 'target' | 'suppressed'>,
  direction: Direction,
  unit: Unit,
  language: string,
  t: Translate<'indicators'>,
): string {
  const status = targetStatus(point, direction);
  if (status === 'no-value') return t('indicators.status.noValue');
  if (status === 'no-target') return t('indicators.status.noTarget');
  const difference = (point.value as number) - (point.target as number);
  const amount = formatValue(Math.abs(difference), unit, language);
  const where =
    difference === 0
      ? t('indicators.status.onTarget')
      : t(difference > 0 ? 'indicators.status.above' : 'indicators.status.below', { difference: amount });
  if (status === 'neutral') return where;
  return t('indicators.status.withDifference', {
    status: t(status === 'met' ? 'indicators.status.met' : 'indicators.status.notMet'),
    where,
  });
}
