/**
 * The SPA's layers: `app/` (the shell, menu and routes) over `features/` over the shared kernel
 * (`components/`, `lib/`, `api/`, `i18n/`, `test/`). Imports go downwards only: the kernel never
 * imports a feature or the shell, and a feature never imports the shell or translates through a
 * wrapper of its own (one `useT(namespace)` in `lib/i18n`).
 */
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|vi\.mock\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of every source file, resolved to a path under `/src`. */
function imports(): { file: string; target: string }[] {
  const found: { file: string; target: string }[] = [];
  for (const [file, text] of Object.entries(sources)) {
    for (const match of text.matchAll(IMPORT)) {
      const parts = file.split('/').slice(0, -1);
      for (const part of match[1]!.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      found.push({ file, target: parts.join('/') });
    }
  }
  return found;
}

const KERNEL = ['/src/components/', '/src/lib/', '/src/api/', '/src/i18n/'];

describe('the layers', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(imports().length).toBeGreaterThan(500);
  });

  it('keeps the kernel free of features and of the shell', () => {
    // A kernel module's test may check it against the features that use it (access against their permissions).
    const wrong = imports().filter(
      ({ file, target }) =>
        KERNEL.some((dir) => file.startsWith(dir)) && !file.includes('.test.') && (target.startsWith('/src/features/') || target.startsWith('/src/app/')),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps the features below the shell', () => {
    const wrong = imports().filter(({ file, target }) => file.startsWith('/src/features/') && target.startsWith('/src/app/'));
    expect(wrong).toEqual([]);
  });

  it('has no registry kernel inside the features any more', () => {
    const wrong = imports().filter(({ target }) => target.startsWith('/src/features/registry'));
    expect(wrong).toEqual([]);
    expect(Object.keys(sources).filter((file) => file.startsWith('/src/features/registry/'))).toEqual([]);
  });

  it('translates through useT only', () => {
    const wrappers = Object.entries(sources)
      .filter(([file]) => file !== '/src/lib/i18n.ts' && !file.startsWith('/src/features/complaints/public/'))
      .filter(([, text]) => /export function use[A-Z]?T\s*\(/.test(text))
      .map(([file]) => file);
    expect(wrappers).toEqual([]);
  });
});
