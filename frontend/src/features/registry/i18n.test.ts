import { describe, expect, it } from 'vitest';
import { flatten, placeholders, type Tree } from '../../test/translations';
import { setupI18n } from '../../i18n';
import en from '../../i18n/registry.en.json';
import nl from '../../i18n/registry.nl.json';

const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

describe('the registry translations', () => {
  const dutch = flatten(nl as Tree);
  const english = flatten(en as Tree);

  it('has every Dutch key in English, with the same placeholders, and no empty texts', () => {
    expect([...base(english.keys())].sort()).toEqual([...base(dutch.keys())].sort());
    for (const [key, text] of dutch) {
      expect(text.trim(), key).not.toBe('');
      const other = english.get(key);
      if (other !== undefined) expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('are reached with plain keys, and give the API\'s field errors a Dutch text', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('nl');
    expect(i18n.t('gaps.title' as never)).toBe('Knelpunten en hiaten');
    expect(i18n.exists('validation.fields.kvkNumber')).toBe(true);
    // The app's own texts win.
    expect(i18n.t('validation.fields.email')).toBe('Vul een geldig e-mailadres in, zoals naam@school.nl.');
    await i18n.changeLanguage('en');
    expect(i18n.t('gaps.title' as never)).toBe('Gaps and risks');
  });
});
