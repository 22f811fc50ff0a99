import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES, languageName } from './languages';

describe('language names', () => {
  it('names every offered language in Dutch and English, never by its bare code', () => {
    for (const code of COMMON_LANGUAGES) {
      expect(languageName(code, 'nl').toLowerCase()).not.toBe(code);
      expect(languageName(code, 'en').toLowerCase()).not.toBe(code);
    }
    expect(languageName('pap', 'nl')).toBe('Papiaments');
    expect(languageName('pap', 'en')).toBe('Papiamento');
    expect(languageName('ar', 'nl')).toBe('Arabisch');
  });
});
