import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import complaintsEn from '../../i18n/complaints.en.json';
import complaintsNl from '../../i18n/complaints.nl.json';
import { baseKeys, flatten, placeholders, type Tree } from '../../test/translations';
import { publicLanguages, publicResources } from './public/publicI18n';

/** A text for one reader (`_pupil`, `_parent`, `_staff`) or for no one in particular (`_any`). */
const READER = /_(any|pupil|parent|staff)$/;

function expectComplete(dutch: Map<string, string>, other: Map<string, string>, readerForms = false) {
  if (readerForms) {
    // How a language addresses each reader is its own (Dutch has je and u; English has you): the
    // reader forms of the page's own texts are optional, but the topics follow the reader everywhere.
    const strip = (keys: Iterable<string>) => baseKeys([...keys].map((k) => k.replace(READER, '')));
    expect(strip(other.keys())).toEqual(strip(dutch.keys()));
    const topics = (keys: Iterable<string>) => [...keys].filter((k) => k.startsWith('areas.') && READER.test(k)).sort();
    expect(topics(other.keys())).toEqual(topics(dutch.keys()));
    for (const key of other.keys()) expect(dutch.has(key), key).toBe(true);
  } else {
    expect(baseKeys(other.keys())).toEqual(baseKeys(dutch.keys()));
  }
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
      expectComplete(dutch, flatten(publicResources[code]!.public as unknown as Tree), true);
    }
  });

  it('the Dutch route finder says u to parents and staff and je to pupils, never both', () => {
    const dutch = flatten(publicResources.nl!.public as unknown as Tree);
    const informal = /\b(je|jij|jou|jouw|jezelf|ben je|kun je)\b/i;
    const formal = /\b(u|uw|bent u|kunt u)\b/i;
    const keys = [...dutch.keys()];
    for (const key of keys.filter((k) => /_(parent|staff)$/.test(k))) expect(dutch.get(key), key).not.toMatch(informal);
    // The forms every reader falls back to are the pupils' (or neutral): where a parent's or staff
    // member's form is missing, the base text must not say je. (The poster speaks to the school's
    // pupils; the child helpline is only shown to pupils.)
    for (const key of keys.filter((k) => !READER.test(k) && !k.startsWith('posterPage.') && !k.startsWith('language.') && k !== 'emergency.child')) {
      expect(dutch.get(key), key).not.toMatch(formal);
      if (informal.test(dutch.get(key)!)) {
        expect(dutch.has(`${key}_parent`) && dutch.has(`${key}_staff`), `${key} says je, so parents and staff need their own text`).toBe(true);
      }
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
