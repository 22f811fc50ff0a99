import { describe, expect, it } from 'vitest';
import { setupI18n } from '../i18n';
import en from '../i18n/registry.en.json';
import nl from '../i18n/registry.nl.json';
import { expectMatchingTranslations } from '../test/translations';

describe('the registry translations', () => {
  it('has every Dutch key in English, with the same placeholders, and no empty texts', () => {
    expectMatchingTranslations(nl, en);
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
