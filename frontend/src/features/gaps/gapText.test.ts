import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';
import { gapLink, gapLinkText, gapText, gapTitle, inSentence, subjectPerson } from './gapText';

const ROLE_NAMES: Record<string, Record<string, string>> = {
  nl: {
    'internal-confidential-counsellor': 'Interne vertrouwenspersoon',
    'key-person-supervisor': 'begeleider sleutelpersonen',
  },
  en: {
    'internal-confidential-counsellor': 'internal confidential counsellor',
    'key-person-supervisor': 'key-person supervisor',
  },
};

function gap(partial: Partial<Gap> & Pick<Gap, 'kind' | 'subject'>): Gap {
  return {
    severity: 'warning',
    message: 'English message from the API.',
    boardId: 1,
    schoolId: 1,
    schoolName: 'OBS De Spil',
    details: {},
    ...partial,
  };
}

async function texts(language: 'nl' | 'en', g: Gap) {
  const i18n = setupI18n();
  await i18n.changeLanguage(language);
  const t = i18n.t.bind(i18n) as unknown as RT;
  const ctx = { roleName: (code: string) => ROLE_NAMES[language]![code] ?? code, language };
  return { title: gapTitle(g, t), text: gapText(g, t, ctx), link: gapLinkText(g, t) };
}

const cjg = gap({ kind: 'single-internal-contact', subject: { type: 'partnership', id: 2, name: 'CJG Haarlem' } });
const statutory = gap({
  kind: 'statutory-role-missing',
  severity: 'error',
  subject: { type: 'school', id: 3, name: 'SBO De Wending' },
  schoolId: 3,
  schoolName: 'SBO De Wending',
  details: { role: 'internal-confidential-counsellor', source: 'WPO art. 14' },
});
const supervisor = gap({
  kind: 'supervisor-without-hours',
  subject: { type: 'role-assignment', id: 13, name: 'Karin Bos (Key-person supervisor)' },
  details: { role: 'key-person-supervisor' },
});
const expiringRole = gap({
  kind: 'expiring',
  subject: { type: 'role-assignment', id: 14, name: 'Karin Bos (Key-person contact point)' },
  details: { role: 'key-person-supervisor', endsOn: '2026-12-23' },
});
const expiringAgreement = gap({
  kind: 'expiring',
  subject: { type: 'partnership', id: 3, name: 'Kinderopvang Het Speelhuis' },
  details: { endDate: '2026-12-23' },
});

describe('gap texts', () => {
  it('names a continuity risk in Dutch and in English', async () => {
    expect(await texts('nl', cjg)).toEqual({
      title: 'Continuïteitsrisico',
      text: 'Het contact met CJG Haarlem rust op één persoon. Voeg een tweede contactpersoon toe.',
      link: 'Open de samenwerking met CJG Haarlem',
    });
    expect((await texts('en', cjg)).text).toBe('The contact with CJG Haarlem rests on one person. Add a second contact.');
  });

  it('puts the school and the role name in the language of the user', async () => {
    expect((await texts('nl', statutory)).text).toBe(
      'SBO De Wending heeft geen interne vertrouwenspersoon. Deze rol is wettelijk verplicht.',
    );
    expect((await texts('nl', statutory)).title).toBe('Wettelijk verplichte rol ontbreekt');
    expect((await texts('en', statutory)).text).toBe('SBO De Wending has no internal confidential counsellor. The law requires this role.');
  });

  it('takes the person from a role assignment subject', async () => {
    expect(subjectPerson(supervisor)).toBe('Karin Bos');
    expect((await texts('nl', supervisor)).text).toBe('Karin Bos is begeleider sleutelpersonen, maar heeft daar geen uren voor gekregen.');
    expect((await texts('nl', supervisor)).link).toBe('Open de rol van Karin Bos');
  });

  it('tells an ending role from an ending agreement and writes the date out', async () => {
    expect((await texts('nl', expiringRole)).text).toBe('Karin Bos stopt op 23 december 2026 als begeleider sleutelpersonen.');
    expect((await texts('nl', expiringAgreement)).text).toBe('De afspraak met Kinderopvang Het Speelhuis loopt af op 23 december 2026.');
    expect((await texts('en', expiringAgreement)).text).toBe('The agreement with Kinderopvang Het Speelhuis ends on 23 December 2026.');
  });

  it('has a text for every kind the API documents', async () => {
    for (const kind of ['recommended-role-missing', 'no-internal-contact', 'role-without-hours', 'expired', 'review-overdue']) {
      const g = gap({ kind, subject: { type: 'partnership', id: 1, name: 'GGD Kennemerland' }, details: { endDate: '2026-01-01', reviewDate: '2026-01-01', role: 'x' } });
      const nl = await texts('nl', g);
      expect(nl.title).not.toBe('Knelpunt');
      expect(nl.text).not.toContain('English message');
      expect(nl.text).not.toContain('{{');
    }
  });

  it('never shows the English message of an unknown kind to a Dutch reader', async () => {
    const unknown = gap({ kind: 'allowance-maximum-near', subject: { type: 'person', id: 6, name: 'Fatima El Amrani' } });
    expect(await texts('nl', unknown)).toEqual({
      title: 'Knelpunt',
      text: 'Er is een knelpunt bij Fatima El Amrani.',
      link: 'Fatima El Amrani',
    });
    expect((await texts('en', unknown)).text).toBe('English message from the API.');
  });

  it('writes catalogue names in lower case inside a sentence, but keeps abbreviations', () => {
    expect(inSentence('Aanspreekpunt pesten')).toBe('aanspreekpunt pesten');
    expect(inSentence('IB-coördinator')).toBe('IB-coördinator');
  });

  it('links to the partnership, the school role matrix or the role assignment', () => {
    expect(gapLink(cjg)).toBe('/partnerships/2');
    expect(gapLink(statutory)).toBe('/who/roles?schoolId=3');
    expect(gapLink(supervisor)).toBe('/role-assignments/13');
    expect(gapLink(gap({ kind: 'x', subject: { type: 'person', id: 1, name: 'X' } }))).toBeNull();
  });
});
