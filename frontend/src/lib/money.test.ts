import { describe, expect, it } from 'vitest';
import {
  addMoney,
  compareMoney,
  formatCents,
  formatMoney,
  fromCents,
  isMoneyInput,
  isNegative,
  isPositive,
  isZero,
  moneyInput,
  moneyInputText,
  negateMoney,
  parseMoney,
  subtractMoney,
  sumCents,
  toCents,
} from './money';

/** Intl separates the euro sign with a no-break space in Dutch. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('money as the API writes it', () => {
  it('reads a decimal string as whole cents, exactly', () => {
    expect(toCents('190.00')).toBe(19000);
    expect(toCents('-10.00')).toBe(-1000);
    expect(toCents('0.23')).toBe(23);
    expect(toCents('0.07')).toBe(7);
    expect(toCents('2100')).toBe(210000);
    expect(toCents('12.5')).toBe(1250);
    // 1.15 * 100 is 114.99999999999999 in binary floating point; the text is read as digits.
    expect(toCents('1.15')).toBe(115);
    expect(toCents('-0.00')).toBe(0);
    expect(Object.is(toCents('-0.00'), -0)).toBe(false);
  });

  it('refuses what is not an amount', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney(null)).toBeNull();
    expect(parseMoney('12,50')).toBeNull();
    expect(parseMoney('1.234')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('1e3')).toBeNull();
    expect(parseMoney('99999999999999999999.00')).toBeNull();
    expect(() => toCents('veel')).toThrow(RangeError);
  });

  it('writes cents as the API does', () => {
    expect(fromCents(19000)).toBe('190.00');
    expect(fromCents(-1000)).toBe('-10.00');
    expect(fromCents(-5)).toBe('-0.05');
    expect(fromCents(0)).toBe('0.00');
    expect(fromCents(123456789)).toBe('1234567.89');
    expect(() => fromCents(0.5)).toThrow(RangeError);
  });

  it('adds, subtracts and compares without floating point', () => {
    // As numbers, 0.1 + 0.2 is 0.30000000000000004.
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney()).toBe('0.00');
    expect(sumCents(['190.00', '190.00', '20.01'])).toBe(40001);
    expect(subtractMoney('210.00', '300.00')).toBe('-90.00');
    expect(negateMoney('-90.00')).toBe('90.00');
    expect(compareMoney('210.00', '210.0')).toBe(0);
    expect(compareMoney('209.99', '210.00')).toBe(-1);
    expect(compareMoney('2100.00', '999.99')).toBe(1);
    expect(isNegative('-0.01')).toBe(true);
    expect(isNegative('0.00')).toBe(false);
    expect(isPositive('0.01')).toBe(true);
    expect(isPositive('0.00')).toBe(false);
    expect(isZero('-0.00')).toBe(true);
  });

  it('formats for display in Dutch and English', () => {
    expect(plain(formatMoney('190.00', 'nl'))).toBe('€ 190,00');
    expect(plain(formatMoney('2100.00', 'nl'))).toBe('€ 2.100,00');
    expect(plain(formatMoney('-10.00', 'nl'))).toBe('€ -10,00');
    expect(formatMoney('190.00', 'en')).toBe('€190.00');
    expect(formatMoney('2100.5', 'en')).toBe('€2,100.50');
    expect(formatMoney('-10.00', 'en')).toBe('-€10.00');
    expect(formatMoney(null, 'nl')).toBe('');
    expect(formatMoney(undefined, 'en')).toBe('');
    // Something else than an amount is shown as it is.
    expect(formatMoney('onbekend', 'nl')).toBe('onbekend');
    expect(plain(formatCents(21000, 'nl'))).toBe('€ 210,00');
    // Exact beyond a double's 15–17 digits.
    expect(formatMoney('12345678901234.05', 'en')).toBe('€12,345,678,901,234.05');
  });
});

describe('money as a user types it', () => {
  it('reads Dutch and English input as the API text', () => {
    expect(moneyInput('190')).toBe('190.00');
    expect(moneyInput('190,00')).toBe('190.00');
    expect(moneyInput('12,5')).toBe('12.50');
    expect(moneyInput('2.500,50')).toBe('2500.50');
    expect(moneyInput('2500.5')).toBe('2500.50');
    expect(moneyInput(' € 16 ')).toBe('16.00');
    expect(moneyInput('0,23')).toBe('0.23');
  });

  it('has nothing for an empty field and refuses what is not an amount of at most two decimals', () => {
    expect(moneyInput('')).toBeNull();
    expect(moneyInput('  ')).toBeNull();
    expect(isMoneyInput('')).toBe(true);
    for (const text of ['veel', '-5', '1,234', '12.345', '1e3', ',5', '12,']) {
      expect(moneyInput(text)).toBeNull();
      expect(isMoneyInput(text)).toBe(false);
    }
    expect(isMoneyInput('12,50')).toBe(true);
  });

  it('puts an amount from the API in a field as the user would type it', () => {
    expect(moneyInputText('160.00')).toBe('160');
    expect(moneyInputText('12.50')).toBe('12.50');
    expect(moneyInputText('0.23')).toBe('0.23');
    expect(moneyInputText(null)).toBe('');
    expect(moneyInputText(undefined)).toBe('');
  });
});
