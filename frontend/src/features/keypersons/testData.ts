import { currentYear } from '../../lib/clock';
/** Fixtures for the key persons' tests: Fatima's agreement and a ledger of a year. */
import type { Agreement, Ledger, Payment, RuleSet } from './types';

export const YEAR = currentYear();

export const rules2025: RuleSet = {
  year: 2025,
  maxPerHourAdult: 5.6,
  maxPerHourYoung: 3.3,
  maxPerMonth: 210,
  maxPerYear: 2100,
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
  hoursPerWeek: 6,
  ageBand: null,
  allowanceScheme: 'fixed',
  fixedAmountPerMonth: 190,
  hourlyRate: null,
  travelPerKm: 0.23,
  otherExpenses: null,
  facilities: ['workplace'],
  supervisor: { id: 13, personName: 'Karin Bos', hoursPerWeek: null, hoursPerYear: null, active: true },
  contactPoint: { id: 14, personName: 'Karin Bos', hoursPerWeek: 2, hoursPerYear: null, active: true },
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

/** Paid €190 a month up to `paidUntil` (1–12), then expected; `december` overrides the last month. */
export function ledgerOf(options: { paidUntil: number; december?: number; taxable?: boolean; assumed?: boolean }): Ledger {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const paid = month <= options.paidUntil || (month === 12 && options.december !== undefined);
    const amount = month === 12 && options.december !== undefined ? options.december : 190;
    return {
      month: `${YEAR}-${String(month).padStart(2, '0')}`,
      hours: null,
      allowance: amount,
      expenses: 0,
      counted: amount,
      otherAgreements: 0,
      maxPerMonth: 210,
      headroom: 210 - amount,
      overLimit: amount > 210,
      projected: !paid,
    };
  });
  const counted = months.filter((m) => !m.projected).reduce((sum, m) => sum + m.counted, 0);
  const remaining = months.filter((m) => m.projected).length;
  return {
    agreementId: 1,
    personId: 6,
    year: YEAR,
    ruleSet: rules2025,
    ruleSetAssumed: options.assumed ?? true,
    taxable: options.taxable ?? false,
    markedTaxable: options.taxable ?? false,
    months,
    totals: { allowance: counted, expenses: 0, counted, otherAgreements: 0, maxPerYear: 2100, headroom: 2100 - counted },
    projection: {
      expectedPerMonth: 190,
      remainingMonths: remaining,
      yearEndTotal: counted + 190 * remaining,
      exceedsYearLimit: counted + 190 * remaining > 2100,
      exceedsMonthLimit: false,
    },
    violations: options.taxable ? [{ limit: 'per-month', period: `${YEAR}-12`, maximum: 210, actual: options.december ?? 0 }] : [],
    warnings: [
      { code: 'rule-set-assumed', message: `No allowance rules are known for ${YEAR}.`, period: String(YEAR) },
      { code: 'near-year-limit', message: 'close', period: String(YEAR) },
    ],
  };
}

export function payment(month: number, allowance = 190): Payment {
  return {
    id: 100 + month,
    agreementId: 1,
    personId: 6,
    month: `${YEAR}-${String(month).padStart(2, '0')}`,
    hours: null,
    allowance,
    expenses: 0,
    expensesDocumented: true,
    limitExceededAcknowledged: allowance > 210,
    note: null,
    warnings: [],
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
  };
}
