/**
 * The allowance's violations and warnings in the user's language. The API names each by a code
 * (its own `message` is English); the figures come from the rule set, the ledger or the agreement.
 */
import { formatMoney, type Money } from '../../lib/money';
import { periodLabel } from './format';
import { type Translate } from '../../lib/i18n';
import type { AllowanceWarning, BenefitWarning, Ledger, RuleSet, Violation } from './types';

export interface MessageContext {
  language: string;
  ruleSet?: RuleSet;
  /** The projection of a ledger (for "the year ends above the limit"). */
  projection?: Ledger['projection'];
  /** The agreed hourly rate (for "the rate is above the hourly maximum"). */
  hourlyRate?: Money | null;
  ageBand?: string | null;
}

/** A sentence that starts with a month name ("oktober 2026 ...") starts with a capital. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function violationText(v: Violation, t: Translate<'keypersons'>, language: string): string {
  const values = {
    period: periodLabel(v.period, language),
    actual: formatMoney(v.actual, language),
    maximum: formatMoney(v.maximum, language),
  };
  return sentence(t(`keyPersons.violations.${v.limit}`, values));
}

/** A warning by its code; an unknown code keeps the API's English text (marked as English). */
export function warningText(w: AllowanceWarning, t: Translate<'keypersons'>, ctx: MessageContext): { text: string; english: boolean } {
  const money = (value: Money | undefined | null) => formatMoney(value, ctx.language);
  const rs = ctx.ruleSet;
  const period = periodLabel(w.period, ctx.language);
  const known = (text: string) => ({ text: sentence(text), english: false });
  switch (w.code) {
    case 'rule-set-assumed':
      return known(
        rs
          ? t('keyPersons.warnings.ruleSetAssumed', { year: w.period ?? '', rulesYear: rs.year })
          : t('keyPersons.warnings.ruleSetAssumedShort', { year: w.period ?? '' }),
      );
    case 'near-month-limit':
      return known(t('keyPersons.warnings.nearMonthLimit', { period, maximum: money(rs?.maxPerMonth) }));
    case 'near-year-limit':
      return known(t('keyPersons.warnings.nearYearLimit', { period, maximum: money(rs?.maxPerYear) }));
    case 'projected-over-limit':
      return known(
        ctx.projection && rs
          ? t('keyPersons.warnings.projectedOverLimit', {
              perMonth: money(ctx.projection.expectedPerMonth),
              total: money(ctx.projection.yearEndTotal),
              maximum: money(rs.maxPerYear),
            })
          : t('keyPersons.warnings.projectedOverLimitShort'),
      );
    case 'expected-over-month-limit':
      return known(
        t('keyPersons.warnings.expectedOverMonthLimit', {
          perMonth: money(ctx.projection?.expectedPerMonth),
          maximum: money(rs?.maxPerMonth),
        }),
      );
    case 'hourly-rate': {
      const maximum = rs ? (ctx.ageBand === 'under-21' ? rs.maxPerHourYoung : rs.maxPerHourAdult) : undefined;
      return known(t('keyPersons.warnings.hourlyRate', { rate: money(ctx.hourlyRate), maximum: money(maximum) }));
    }
    default:
      return ctx.language === 'en' ? known(w.message) : { text: w.message, english: true };
  }
}

const BENEFIT_CODES = ['participatiewet-consent', 'participatiewet-maxima', 'ww-permission', 'ww-maxima', 'benefit-check'] as const;
const isBenefitCode = (code: string): code is (typeof BENEFIT_CODES)[number] => (BENEFIT_CODES as readonly string[]).includes(code);

/** What a benefit means for the allowance: a warning with the facts, never a verdict. */
export function benefitWarningText(w: BenefitWarning, t: Translate<'keypersons'>, ctx: MessageContext): { text: string; english: boolean } {
  if (!isBenefitCode(w.code)) return { text: w.message, english: ctx.language !== 'en' };
  const month = ctx.ruleSet ? formatMoney(ctx.ruleSet.maxPerMonth, ctx.language) : t('keyPersons.benefitWarnings.monthMax');
  const year = ctx.ruleSet ? formatMoney(ctx.ruleSet.maxPerYear, ctx.language) : t('keyPersons.benefitWarnings.yearMax');
  return { text: t(`keyPersons.benefitWarnings.${w.code}`, { month, year }), english: false };
}
