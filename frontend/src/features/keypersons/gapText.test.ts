import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { gapLink, gapLinkText, gapText, gapTitle } from '../gaps/gapText';
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';

function gap(partial: Partial<Gap> & Pick<Gap, 'kind' | 'subject'>): Gap {
  return { severity: 'warning', message: 'English message.', boardId: 1, schoolId: 1, schoolName: 'OBS De Spil', details: {}, ...partial };
}

async function texts(language: 'nl' | 'en', g: Gap) {
  const i18n = setupI18n();
  await i18n.changeLanguage(language);
  const t = i18n.t.bind(i18n) as unknown as RT;
  const ctx = { roleName: (code: string) => code, language };
  return { title: gapTitle(g, t), text: gapText(g, t, ctx), link: gapLink(g), linkText: gapLinkText(g, t) };
}

describe('the key persons\' gaps', () => {
  it('names an allowance over the limit and links to the agreement', async () => {
    const g = gap({
      kind: 'allowance-limit-exceeded',
      severity: 'error',
      subject: { type: 'volunteer-agreement', id: 2, name: 'Murat Yılmaz' },
      details: { year: '2026', limits: 'per-month' },
    });
    expect(await texts('nl', g)).toEqual({
      title: 'Vergoeding over de grens',
      text: 'De vergoeding van Murat Yılmaz over 2026 is over een grens gegaan (maximum per maand). De hele vergoeding is daardoor belast.',
      link: '/key-persons/agreements/2',
      linkText: 'Open de overeenkomst van Murat Yılmaz',
    });
    expect((await texts('en', g)).text).toBe(
      'The allowance of Murat Yılmaz for 2026 crossed a limit (monthly maximum). The whole allowance is therefore taxable.',
    );
  });

  it('writes the amounts and the month of an allowance near the limit', async () => {
    const g = gap({
      kind: 'allowance-near-limit',
      subject: { type: 'volunteer-agreement', id: 1, name: 'Fatima El Amrani' },
      details: { period: '2026', actual: '1937.50', maximum: '2100.00' },
    });
    expect((await texts('nl', g)).text.replace(/\u00a0/g, ' ')).toBe(
      'De vergoeding van Fatima El Amrani zit dicht bij de grens: € 1.937,50 van € 2.100,00 (2026).',
    );
  });

  it('sends missing maxima to the rules page, and a key person without supervisor to the school\'s role', async () => {
    const rules = gap({ kind: 'allowance-rules-missing', severity: 'error', subject: { type: 'allowance-rules', id: 2026, name: '2026' }, details: { year: '2026' } });
    expect(await texts('nl', rules)).toMatchObject({ title: 'Maximale vergoeding onbekend', link: '/key-persons/rules', linkText: 'Open de maximale bedragen' });
    const school = gap({
      kind: 'key-person-without-supervisor',
      subject: { type: 'role-assignment', id: 21, name: 'Murat Yılmaz (Key person)' },
      schoolName: 'Basisschool De Regenboog',
    });
    expect(await texts('nl', school)).toMatchObject({
      text: 'Murat Yılmaz is sleutelpersoon bij Basisschool De Regenboog, maar daar is niemand begeleider van sleutelpersonen.',
      link: '/role-assignments/21',
    });
  });
});
