import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { targetStatus, targetStatusText } from './format';
import { type Translate } from '../../lib/i18n';

const point = (value: number | null, target: number | null, suppressed = false) => ({ value, target, suppressed });

describe('a value against its target', () => {
  it('is met when higher is better and the value reaches the target', () => {
    expect(targetStatus(point(50, 50), 'higher-is-better')).toBe('met');
    expect(targetStatus(point(51, 50), 'higher-is-better')).toBe('met');
    expect(targetStatus(point(49, 50), 'higher-is-better')).toBe('not-met');
  });

  it('is met when lower is better and the value stays at or under the target', () => {
    expect(targetStatus(point(3, 4), 'lower-is-better')).toBe('met');
    expect(targetStatus(point(4, 4), 'lower-is-better')).toBe('met');
    expect(targetStatus(point(5, 4), 'lower-is-better')).toBe('not-met');
  });

  it('is neither met nor missed without a better direction, a target or a value', () => {
    expect(targetStatus(point(5, 4), 'neutral')).toBe('neutral');
    expect(targetStatus(point(5, null), 'higher-is-better')).toBe('no-target');
    expect(targetStatus(point(null, 4), 'higher-is-better')).toBe('no-value');
    expect(targetStatus(point(null, 4, true), 'lower-is-better')).toBe('no-value');
  });

  it('says it in words, with the difference in the unit', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('nl');
    const t = i18n.t.bind(i18n) as unknown as Translate<'indicators'>;
    expect(targetStatusText(point(62.5, 70), 'higher-is-better', 'percentage', 'nl', t)).toBe('doel niet gehaald, 7,5% onder het doel');
    expect(targetStatusText(point(2, 4), 'lower-is-better', 'count', 'nl', t)).toBe('doel gehaald, 2 onder het doel');
    expect(targetStatusText(point(4, 4), 'lower-is-better', 'count', 'nl', t)).toBe('doel gehaald, precies op het doel');
    expect(targetStatusText(point(5, 4), 'neutral', 'hours', 'nl', t)).toBe('1 boven het doel');
    expect(targetStatusText(point(5, null), 'neutral', 'hours', 'nl', t)).toBe('geen doel');
    await i18n.changeLanguage('en');
    expect(targetStatusText(point(130, 120), 'lower-is-better', 'euro', 'en', t)).toBe('target not met, € 10.00 above the target');
    await i18n.changeLanguage('nl');
  });
});
