/**
 * Money, exactly (decision 0011). The API answers every amount as a decimal string with two
 * decimals (`"190.00"`, `"-10.00"`); the SPA keeps it a string, computes in whole cents (integers,
 * never binary fractions of a euro) and formats it for display from the exact decimal text.
 */

/** An amount as the API writes it: `"190.00"`, `"-10.00"`. */
export type Money = string;

/** What the API writes (two decimals) and what it may write in older snapshots (none or one). */
const MONEY = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Whole cents of an amount, or null when the text is not an amount. `"190.00"` → 19000,
 * `"-10.5"` → -1050. Exact: the digits are read as text, never through a float.
 */
export function parseMoney(value: string | null | undefined): number | null {
  if (value == null) return null;
  const match = MONEY.exec(value.trim());
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return match[1] && cents !== 0 ? -cents : cents;
}

/** Whole cents of an amount from the API; a text that is not an amount is a programming error. */
export function toCents(value: Money): number {
  const cents = parseMoney(value);
  if (cents === null) throw new RangeError(`Not an amount of money: ${JSON.stringify(value)}`);
  return cents;
}

/** Whole cents as the API's text: 19000 → `"190.00"`, -1000 → `"-10.00"`. */
export function fromCents(cents: number): Money {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${euros}.${rest}`;
}

/** The sum of amounts, exact. */
export function sumCents(values: readonly Money[]): number {
  return values.reduce((sum, v) => sum + toCents(v), 0);
}

export function addMoney(...values: Money[]): Money {
  return fromCents(sumCents(values));
}

export function subtractMoney(a: Money, b: Money): Money {
  return fromCents(toCents(a) - toCents(b));
}

export function negateMoney(value: Money): Money {
  return fromCents(-toCents(value));
}

/** -1, 0 or 1 as `a` is less than, equal to or more than `b` (for sorting and limit checks). */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const d = toCents(a) - toCents(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export const isNegative = (value: Money): boolean => toCents(value) < 0;
export const isPositive = (value: Money): boolean => toCents(value) > 0;
export const isZero = (value: Money): boolean => toCents(value) === 0;

function locale(language: string): string {
  return language === 'nl' ? 'nl-NL' : language === 'en' ? 'en-GB' : language;
}

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(language: string): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' });
    formats.set(language, format);
  }
  return format;
}

/** Whole cents for display: `€ 190,00` in Dutch, `€190.00` in English. */
export function formatCents(cents: number, language: string): string {
  // Intl formats a decimal string exactly (no float in between, however large the amount).
  return currencyFormat(language).format(fromCents(cents) as `${number}`);
}

/**
 * An amount for display: `"190.00"` as `€ 190,00` (Dutch) or `€190.00` (English); empty for no
 * amount, and a text that is not an amount as it is.
 */
export function formatMoney(value: Money | null | undefined, language: string): string {
  if (value == null || value === '') return '';
  const cents = parseMoney(value);
  return cents === null ? value : formatCents(cents, language);
}

/**
 * An amount as a user typed it (`"190"`, `"12,50"`, `"2.500,50"`, `"2500.5"`, `"€ 16"`) as the
 * API's text (`"12.50"`), or null when the field is empty or holds no amount of at most two
 * decimals (see `isMoneyInput`). With a comma, dots are thousands separators; without one, a dot is
 * the decimal point.
 */
export function moneyInput(text: string): Money | null {
  let value = text.trim().replace(/\s|€/g, '');
  if (value === '') return null;
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const cents = parseMoney(value);
  return cents === null ? null : fromCents(cents);
}

/** True when the field is empty or holds an amount `moneyInput` can read. */
export function isMoneyInput(text: string): boolean {
  return text.trim() === '' || moneyInput(text) !== null;
}

/** An amount from the API in a form's field: `"160.00"` as `160`, `"12.50"` as `12.50`. */
export function moneyInputText(value: Money | null | undefined): string {
  if (value == null) return '';
  const cents = parseMoney(value);
  if (cents === null) return value;
  return fromCents(cents).replace(/\.00$/, '');
}
