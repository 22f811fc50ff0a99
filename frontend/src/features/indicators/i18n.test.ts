import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import indicatorsEn from '../../i18n/indicators.en.json';
import indicatorsNl from '../../i18n/indicators.nl.json';
import { baseKeys, flatten, placeholders, type Tree } from '../../test/translations';

describe('the indicators translations', () => {
  it('has every Dutch key in English, with the same placeholders', () => {
    const dutch = flatten(indicatorsNl as Tree);
    const english = flatten(indicatorsEn as Tree);
    expect(baseKeys(english.keys())).toEqual(baseKeys(dutch.keys()));
    for (const [key, text] of dutch) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are reached with plain keys', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('en');
    expect(i18n.t('indicators.table.suppressed' as never)).toBe('hidden (<5)');
    await i18n.changeLanguage('nl');
    expect(i18n.t('indicators.nav' as never)).toBe('Indicatoren');
  });
});
