/** How an agreement reads in a sentence: its allowance scheme and its supervisor or contact point. */
import { formatMoney, type Money } from '../../lib/money';
import { formatNumber } from '../../lib/format';
import { type Translate } from '../../lib/i18n';
import type { Agreement } from './types';

/** "€190,00 per maand", "€5,00 per uur (21 jaar en ouder)", "Alleen onkosten", "Geen vergoeding". */
export function schemeText(agreement: Agreement, t: Translate<'keypersons'>, language: string): string {
  const money = (v: Money | null | undefined) => formatMoney(v ?? '0.00', language);
  switch (agreement.allowanceScheme) {
    case 'fixed':
      return t('keyPersons.agreement.schemeFixedText', { amount: money(agreement.fixedAmountPerMonth) });
    case 'hourly':
      return t('keyPersons.agreement.schemeHourlyText', {
        amount: money(agreement.hourlyRate),
        band: agreement.ageBand ? t(`keyPersons.ageBands.${agreement.ageBand}`) : t('common.none'),
      });
    default:
      return t(`keyPersons.schemes.${agreement.allowanceScheme}`);
  }
}

/** "Karin Bos (2 uur per week)", or "nobody yet". */
export function assignmentText(ref: Agreement['supervisor'], t: Translate<'keypersons'>, language: string): string {
  if (!ref) return t('keyPersons.agreement.nobody');
  const hours =
    ref.hoursPerWeek != null
      ? t('keyPersons.agreement.hoursPerWeekShort', { hours: formatNumber(ref.hoursPerWeek, language) })
      : ref.hoursPerYear != null
        ? t('keyPersons.agreement.hoursPerYearShort', { hours: formatNumber(ref.hoursPerYear, language) })
        : t('keyPersons.agreement.noHours');
  return `${ref.personName} (${hours}${ref.active ? '' : `, ${t('keyPersons.agreement.ended')}`})`;
}
