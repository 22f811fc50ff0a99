import { describe, expect, it } from 'vitest';
import { languages, resources, setupI18n } from './index';
import nl from './nl.json';
import en from './en.json';
import { baseKeys, flatten, placeholders, type Tree } from '../test/translations';

const dutch = flatten(nl as Tree);

describe('translations', () => {
  it('offers Dutch first and English', () => {
    expect(languages[0]?.code).toBe('nl');
    expect(languages.map((l) => l.code)).toContain('en');
  });

  it('has every Dutch key in English and the other way round', () => {
    const english = flatten(en as Tree);
    expect([...baseKeys(english.keys())].sort()).toEqual([...baseKeys(dutch.keys())].sort());
  });

  it.each(Object.keys(resources).filter((code) => code !== 'nl'))('%s is complete and uses the same placeholders', (code) => {
    const other = flatten(resources[code]!.translation as unknown as Tree);
    const missing = [...baseKeys(dutch.keys())].filter((k) => !baseKeys(other.keys()).has(k));
    const extra = [...baseKeys(other.keys())].filter((k) => !baseKeys(dutch.keys()).has(k));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    for (const [key, text] of dutch) {
      const translated = other.get(key);
      if (translated !== undefined) expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('has no empty texts', () => {
    for (const [code, { translation }] of Object.entries(resources)) {
      for (const [key, text] of flatten(translation as unknown as Tree)) {
        expect(text.trim(), `${code}:${key}`).not.toBe('');
      }
    }
  });

  it('sets <html lang> to the chosen language', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.boards')).toBe('Boards');
    await i18n.changeLanguage('nl');
    expect(document.documentElement.lang).toBe('nl');
    expect(i18n.t('nav.boards')).toBe('Besturen');
  });
});
