import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import en from '../../i18n/areas.en.json';
import nl from '../../i18n/areas.nl.json';
import { expectMatchingTranslations } from '../../test/translations';

describe('the areas translations', () => {
  it('has every Dutch key in English, with the same placeholders, and no empty texts', () => {
    expectMatchingTranslations(nl, en);
  });

  it('are reached with plain keys, and explain small numbers in both languages', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('nl');
    expect(i18n.t('areas.smallNumbers' as never)).toContain('kleine aantallen worden niet getoond');
    expect(i18n.t('regionAdmin.title' as never)).toBe("Regio's");
    expect(i18n.t('regionKinds.ggd')).toBe('GGD-regio');
    await i18n.changeLanguage('en');
    expect(i18n.t('areas.smallNumbers' as never)).toContain('small numbers are not shown');
    expect(i18n.t('nav.myMunicipality')).toBe('My municipality');
  });
});
