/** Checks of a translation namespace: every Dutch key in the other language, with the same placeholders. */
import { expect } from 'vitest';

export type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Plural forms (`_one`, `_other`, ...) differ per language; compare on the base key. */
export const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
export const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Both files have the same keys and placeholders, and no empty texts. */
export function expectMatchingTranslations(nl: object, other: object): void {
  const dutch = flatten(nl as Tree);
  const translated = flatten(other as Tree);
  expect([...baseKeys(translated.keys())].sort()).toEqual([...baseKeys(dutch.keys())].sort());
  for (const [key, text] of dutch) {
    expect(text.trim(), key).not.toBe('');
    const t = translated.get(key);
    if (t !== undefined) expect(placeholders(t), key).toEqual(placeholders(text));
  }
}
