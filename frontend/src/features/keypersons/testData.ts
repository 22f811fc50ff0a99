/** Fixtures for the key persons' tests: Fatima's agreement and a ledger of a year (amounts as the API writes them). */
import { currentYear } from '../../lib/clock';
import { fromCents, toCents } from '../../lib/money';
import type { Agreement, Ledger, Payment, RuleSet } from './types';

export const YEAR = currentYear();

export const rules2025: RuleSet = {
  year: 2025,
  maxPerHourAdult: '5.60',
  maxPerHourYoung: '3.30',
  maxPerMonth: '210.00',
  maxPerYear: '2100.00',
  ageCutoff: 21,
  ageCutoffNote: null,
  sources: [{ title: 'Vrijwilligersdossier', url: 'https://www.vrijwilligersdossier.nl/' }],
  notes: null,
  updatedAt: '2025-01-01T10:00:00Z',
};

export const fatima: Agreement = {
  id: 1,
  boardId: 1,
  personId: 6,
  personName: 'Fatima El Amrani',
  languages: ['ar', 'nl', 'fr'],
  schools: [{ id: 1, name: 'OBS De Spil' }],
  tasks: ['Koffieochtenden'],
  hoursPerWeek: '6.00',
  ageBand: null,
  allowanceScheme: 'fixed',
  fixedAmountPerMonth: '190.00',
  hourlyRate: null,
  travelPerKm: '0.23',
  otherExpenses: null,
  facilities: ['workplace'],
  supervisor: { id: 13, personName: 'Karin Bos', hoursPerWeek: null, hoursPerYear: null, active: true },
  contactPoint: { id: 14, personName: 'Karin Bos', hoursPerWeek: '2.00', hoursPerYear: null, active: true },
  plan: { goals: null, internship: null, otherTasks: null, reviewDate: null },
  startsOn: `${YEAR - 1}-01-01`,
  endsOn: null,
  active: true,
  benefitType: 'participatiewet',
  benefitWarnings: [{ code: 'participatiewet-consent', message: 'Participatiewet (bijstand): the municipality must agree.' }],
  taxableYears: [],
  notes: null,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
};

/** Paid €190 a month up to `paidUntil` (1–12), then expected; `december` (in euro) overrides the last month. */
export function ledgerOf(options: { paidUntil: number; december?: number; taxable?: boolean; assumed?: boolean }): Ledger {
  const max = 21000;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const paid = month <= options.paidUntil || (month === 12 && options.december !== undefined);
    const cents = month === 12 && options.december !== undefined ? options.december * 100 : 19000;
    return {
      month: `${YEAR}-${String(month).padStart(2, '0')}`,
      hours: null,
      allowance: fromCents(cents),
      expenses: '0.00',
      counted: fromCents(cents),
      otherAgreements: '0.00',
      maxPerMonth: fromCents(max),
      headroom: fromCents(max - cents),
      overLimit: cents > max,
      projected: !paid,
    };
  });
  const counted = months.filter((m) => !m.projected).reduce((sum, m) => sum + toCents(m.counted), 0);
  const remaining = months.filter((m) => m.projected).length;
  const yearEnd = counted + 19000 * remaining;
  return {
    agreementId: 1,
    personId: 6,
    year: YEAR,
    ruleSet: rules2025,
    ruleSetAssumed: options.assumed ?? true,
    taxable: options.taxable ?? false,
    markedTaxable: options.taxable ?? false,
    months,
    totals: {
      allowance: fromCents(counted),
      expenses: '0.00',
      counted: fromCents(counted),
      otherAgreements: '0.00',
      maxPerYear: '2100.00',
      headroom: fromCents(210000 - counted),
    },
    projection: {
      expectedPerMonth: '190.00',
      remainingMonths: remaining,
      yearEndTotal: fromCents(yearEnd),
      exceedsYearLimit: yearEnd > 210000,
      exceedsMonthLimit: false,
    },
    violations: options.taxable ? [{ limit: 'per-month', period: `${YEAR}-12`, maximum: '210.00', actual: fromCents((options.december ?? 0) * 100) }] : [],
    warnings: [
      { code: 'rule-set-assumed', message: `No allowance rules are known for ${YEAR}.`, period: String(YEAR) },
      { code: 'near-year-limit', message: 'close', period: String(YEAR) },
    ],
  };
}

export function payment(month: number, allowance = '190.00'): Payment {
  return {
    id: 100 + month,
    agreementId: 1,
    personId: 6,
    month: `${YEAR}-${String(month).padStart(2, '0')}`,
    hours: null,
    allowance,
    expenses: '0.00',
    expensesDocumented: true,
    limitExceededAcknowledged: toCents(allowance) > 21000,
    note: null,
    warnings: [],
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    etag: '"v1"',
  };
}
