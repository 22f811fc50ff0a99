import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import en from '../../i18n/inclusion.en.json';
import nl from '../../i18n/inclusion.nl.json';
import { expectMatchingTranslations } from '../../test/translations';
import { gapLink, gapLinkText, gapText, gapTitle } from '../gaps/gapText';
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';

function gap(partial: Partial<Gap> & Pick<Gap, 'kind' | 'subject'>): Gap {
  return { severity: 'warning', message: 'English message from the API.', boardId: 1, schoolId: 2, schoolName: 'Basisschool De Regenboog', details: {}, ...partial };
}

async function texts(language: 'nl' | 'en', g: Gap) {
  const i18n = setupI18n();
  await i18n.changeLanguage(language);
  const t = i18n.t.bind(i18n) as unknown as RT;
  return { title: gapTitle(g, t), text: gapText(g, t, { roleName: (c) => c, language }), link: gapLink(g), linkText: gapLinkText(g, t) };
}

const mentor = gap({
  kind: 'mentor-without-hours',
  subject: { type: 'inclusion-placement', id: 12, name: 'Placement 2: Onderwijsassistent' },
  details: { trackId: '3', number: '2' },
});
const overdue = gap({
  kind: 'inclusion-action-overdue',
  schoolId: null,
  schoolName: null,
  subject: { type: 'inclusion-action', id: 31, name: 'Werkplekbegeleiders trainen' },
  details: { trackId: '3', dueOn: '2026-11-12' },
});
const stalled = gap({
  kind: 'inclusion-track-stalled',
  severity: 'info',
  schoolId: null,
  schoolName: null,
  subject: { type: 'inclusion-track', id: 3, name: 'Stichting Spil Demo' },
  details: { trackId: '3', phase: 'action-plan', since: '2026-01-10' },
});
const register = gap({
  kind: 'inclusion-register-check-missing',
  schoolName: 'OBS De Spil',
  subject: { type: 'inclusion-placement', id: 11, name: 'Placement 1: Conciërge-assistent' },
  details: { trackId: '3', number: '1', checkedOn: '2025-06-01' },
});

describe('the inclusion translations', () => {
  it('has every Dutch key in English, with the same placeholders, and no empty texts', () => {
    expectMatchingTranslations(nl, en);
  });
});

describe('the inclusion gaps', () => {
  it('name a placement by its number and school, never its employee, in Dutch and English, and link to the track', async () => {
    expect(await texts('nl', mentor)).toEqual({
      title: 'Werkplekbegeleider zonder uren',
      text: 'De werkplekbegeleider van plaatsing 2 bij Basisschool De Regenboog (Onderwijsassistent) heeft geen uren voor de begeleiding, dus die komt bovenop het andere werk.',
      link: '/inclusie/3#plaatsingen',
      linkText: 'Naar de plaatsingen van het traject',
    });
    expect((await texts('en', mentor)).title).toBe('Workplace mentor without hours');
    expect((await texts('nl', register)).text).toContain('voor het laatst gecontroleerd op 1 juni 2025');
  });

  it('tell of an overdue action and a stalled track', async () => {
    const action = await texts('nl', overdue);
    expect(action.text).toBe('De actie ‘Werkplekbegeleiders trainen’ van het actieplan inclusief werkgeverschap had op 12 november 2026 klaar moeten zijn.');
    expect(action.link).toBe('/inclusie/3#actieplan');
    const track = await texts('nl', stalled);
    expect(track.title).toBe('Traject staat stil');
    expect(track.text).toContain('staat sinds 10 januari 2026 in de fase actieplan');
    expect(track.link).toBe('/inclusie/3#fasen');
    expect(track.linkText).toBe('Naar het traject van Stichting Spil Demo');
    expect((await texts('en', stalled)).text).toContain('in the action plan phase since 10 January 2026');
  });
});
