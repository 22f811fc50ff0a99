import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import complaintsEn from '../../i18n/complaints.en.json';
import complaintsNl from '../../i18n/complaints.nl.json';
import { baseKeys, flatten, placeholders, type Tree } from '../../test/translations';
import { publicLanguages, publicResources } from './public/publicI18n';

function expectComplete(dutch: Map<string, string>, other: Map<string, string>) {
  expect(baseKeys(other.keys())).toEqual(baseKeys(dutch.keys()));
  for (const [key, text] of dutch) {
    expect(text.trim(), key).not.toBe('');
    const translated = other.get(key);
    if (translated !== undefined) expect(placeholders(translated), key).toEqual(placeholders(text));
  }
}

describe('the complaint routes translations', () => {
  it('has every Dutch key in English, with the same placeholders', () => {
    expectComplete(flatten(complaintsNl as Tree), flatten(complaintsEn as Tree));
  });

  it('every language file of the route finder is complete, Dutch first', () => {
    expect(publicLanguages[0]?.code).toBe('nl');
    const dutch = flatten(publicResources.nl!.public as unknown as Tree);
    for (const code of Object.keys(publicResources).filter((c) => c !== 'nl')) {
      expectComplete(dutch, flatten(publicResources[code]!.public as unknown as Tree));
    }
  });

  it('are reached with plain keys and give the register\'s API errors a Dutch text', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('nl');
    expect(i18n.t('complaints.routes.title' as never)).toBe('Klachtenroutes');
    expect(i18n.t('validation.fieldCodes.closedOn.before-opened' as never)).toBe('De sluitingsdatum ligt voor de openingsdatum.');
    // The registry's texts still win where they exist.
    expect(i18n.t('validation.codes.unknown-role-type' as never)).toBe('Deze rol bestaat niet.');
    expect(Object.keys(i18n.options.resources ?? {})).not.toContain('complaints.nl');
  });
});
