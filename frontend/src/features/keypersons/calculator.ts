/** The calculator's form values, the request built from them, and the API's field errors mapped back. */
import { isMoneyInput, isPositive, moneyInput } from '../../lib/money';
import { parseDecimal } from '../../lib/format';
import { hoursText } from './format';
import { type Translate } from '../../lib/i18n';
import type { AgeBand, CheckRequest } from './types';

export interface MonthRow {
  key: number;
  /** 1–12 */
  month: number;
  hours: string;
  allowance: string;
  expenses: string;
  documented: boolean;
}

export type AgeMode = '' | AgeBand | 'birthDate';

export interface CalculatorValues {
  year: number;
  hourly: boolean;
  age: AgeMode;
  birthDate: string;
  rows: MonthRow[];
}

export type RowField = 'month' | 'hours' | 'allowance' | 'expenses';
export interface CalculatorErrors {
  year?: string;
  age?: string;
  birthDate?: string;
  rows: Record<number, Partial<Record<RowField, string>>>;
}

let nextKey = 1;
export function monthRow(month: number, allowance = ''): MonthRow {
  return { key: nextKey++, month, hours: '', allowance, expenses: '', documented: true };
}

export function hasErrors(errors: CalculatorErrors): boolean {
  return !!(errors.year || errors.age || errors.birthDate) || Object.keys(errors.rows).length > 0;
}

/** The first month of the year not listed yet. */
export function freeMonth(rows: MonthRow[]): number | null {
  for (let m = 1; m <= 12; m++) if (!rows.some((r) => r.month === m)) return m;
  return null;
}

export function validate(values: CalculatorValues, t: Translate<'keypersons'>): CalculatorErrors {
  const errors: CalculatorErrors = { rows: {} };
  if (values.hourly && !values.age) errors.age = t('keyPersons.calculator.errors.age');
  if (values.age === 'birthDate' && !values.birthDate) errors.birthDate = t('common.fieldRequired');
  const seen = new Set<number>();
  values.rows.forEach((row, i) => {
    const rowErrors: Partial<Record<RowField, string>> = {};
    if (seen.has(row.month)) rowErrors.month = t('keyPersons.calculator.errors.duplicateMonth');
    seen.add(row.month);
    const hours = parseDecimal(row.hours);
    if (hours !== null && (Number.isNaN(hours) || hours < 0)) rowErrors.hours = t('keyPersons.errors.amount');
    for (const f of ['allowance', 'expenses'] as const) {
      if (!isMoneyInput(row[f])) rowErrors[f] = t('keyPersons.errors.amount');
    }
    const allowance = moneyInput(row.allowance);
    if (values.hourly && !rowErrors.hours && allowance !== null && isPositive(allowance) && !hours) {
      rowErrors.hours = t('keyPersons.calculator.errors.hours');
    }
    if (Object.keys(rowErrors).length > 0) errors.rows[i] = rowErrors;
  });
  return errors;
}

/** The request for POST /allowance-checks. */
export function buildRequest(values: CalculatorValues, fallbackToLatest = false): CheckRequest {
  // What the user typed, as the API's exact text ("12,50" → "12.50"); an empty field is nothing.
  const amount = (text: string) => moneyInput(text) ?? '0.00';
  const request: CheckRequest = {
    year: values.year,
    hourlyAgreement: values.hourly,
    months: [...values.rows]
      .sort((a, b) => a.month - b.month)
      .map((row) => {
        const hours = parseDecimal(row.hours);
        return {
          month: `${values.year}-${String(row.month).padStart(2, '0')}`,
          ...(hours !== null && !Number.isNaN(hours) ? { hours: hoursText(hours) } : {}),
          allowance: amount(row.allowance),
          expenses: amount(row.expenses),
          expensesDocumented: row.documented,
        };
      }),
    fallbackToLatest,
  };
  if (values.age === 'birthDate' && values.birthDate) request.birthDate = values.birthDate;
  else if (values.age === '21-plus' || values.age === 'under-21') request.ageBand = values.age;
  return request;
}

/**
 * The API names fields by their place in the request (`months[2].hours`); the request lists the
 * months in calendar order, the form in the user's order.
 */
export function rowIndexOfRequest(values: CalculatorValues, requestIndex: number): number {
  const sorted = [...values.rows].sort((a, b) => a.month - b.month);
  const row = sorted[requestIndex];
  return row ? values.rows.indexOf(row) : -1;
}

export function mapInvalidParam(values: CalculatorValues, name: string): { row?: number; field: string } | null {
  const bare = name.replace(/^body\./, '');
  const match = /^months(?:\[(\d+)\]|\.(\d+))\.(month|hours|allowance|expenses)$/.exec(bare);
  if (match) {
    const row = rowIndexOfRequest(values, Number(match[1] ?? match[2]));
    return row >= 0 ? { row, field: match[3]! } : null;
  }
  if (bare === 'ageBand') return { field: 'age' };
  if (bare === 'birthDate') return { field: values.age === 'birthDate' ? 'birthDate' : 'age' };
  if (bare === 'year') return { field: 'year' };
  return null;
}
