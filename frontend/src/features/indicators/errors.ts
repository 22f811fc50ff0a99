/** The API's answers to a new measurement or target, as texts next to the form's fields. */
import { isProblemError } from '../../api/client';
import { type Translate } from '../../lib/i18n';
import type { Indicator } from './types';

export type MeasurementField = 'indicator' | 'schoolId' | 'boardId' | 'period' | 'year' | 'value' | 'note';
const FIELDS: readonly MeasurementField[] = ['indicator', 'schoolId', 'boardId', 'period', 'year', 'value', 'note'];

/**
 * Field errors from a 400 (or 409) problem: the API's reason codes (`wrong-period`, `out-of-range`,
 * `not-a-count`, `negative`, `duplicate`, ...) in the user's language, the API's own reason otherwise.
 */
export function measurementFieldErrors(error: unknown, indicator: Indicator | null, t: Translate<'indicators'>): Partial<Record<MeasurementField, string>> {
  if (!isProblemError(error) || ![400, 409, 422].includes(error.status)) return {};
  const out: Partial<Record<MeasurementField, string>> = {};
  for (const param of error.invalidParams) {
    const name = param.name.replace(/^body\./, '') as MeasurementField;
    if (!FIELDS.includes(name) || name in out) continue;
    out[name] = codeText(param.code ?? '', indicator, t) ?? param.reason;
  }
  return out;
}

function codeText(code: string, indicator: Indicator | null, t: Translate<'indicators'>): string | null {
  switch (code) {
    case 'wrong-period':
      return indicator
        ? t('indicators.entry.errors.wrongPeriod', { format: t(`indicators.formats.${indicator.frequency}`) })
        : null;
    case 'wrong-year':
      return t('indicators.target.errors.wrongYear');
    case 'out-of-range':
      return t('indicators.entry.errors.outOfRange');
    case 'not-a-count':
      return t('indicators.entry.errors.notACount');
    case 'negative':
      return t('indicators.entry.errors.negative');
    case 'unknown-indicator':
      return t('indicators.entry.errors.unknownIndicator');
    case 'derived':
      return t('indicators.entry.errors.derivedIndicator');
    case 'duplicate':
      return t('indicators.entry.errors.duplicate');
    case 'missing':
      return t('indicators.entry.errors.required');
    case 'decimal_parsing':
    case 'float_parsing':
      return t('indicators.entry.errors.notANumber');
    default:
      return null;
  }
}

/** The id of the measurement a 409 says is there already. */
export function existingMeasurementId(error: unknown): number | null {
  if (!isProblemError(error) || error.status !== 409) return null;
  const id = error.extensions.existingId;
  return typeof id === 'number' ? id : null;
}
