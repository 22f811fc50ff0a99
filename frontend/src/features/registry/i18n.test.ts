import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import en from '../../i18n/registry.en.json';
import nl from '../../i18n/registry.nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

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
