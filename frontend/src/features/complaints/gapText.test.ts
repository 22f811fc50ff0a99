import { describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { gapLink, gapLinkText, gapText, gapTitle } from '../gaps/gapText';
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';

const gap: Gap = {
  kind: 'route-role-unfilled',
  severity: 'error',
  subject: { type: 'school', id: 3, name: 'SBO De Wending' },
  message: 'Nobody at SBO De Wending ...',
  boardId: 1,
  schoolId: 3,
  schoolName: 'SBO De Wending',
  details: { role: 'anti-bullying-coordinator', areas: 'educational-matters,undesirable-behaviour' },
};

describe('the route-role-unfilled gap', () => {
  it('is told in Dutch and links to the route editor of the school', async () => {
    const i18n = setupI18n();
    await i18n.changeLanguage('nl');
    const t = i18n.t.bind(i18n) as unknown as RT;
    expect(gapTitle(gap, t)).toBe('Rol in de klachtenroute niet vervuld');
    expect(gapText(gap, t, { roleName: () => 'Aanspreekpunt pesten', language: 'nl' })).toBe(
      'Niemand op SBO De Wending of bij het bestuur is aanspreekpunt pesten, terwijl die rol een stap is in de klachtenroutes van 2 onderwerpen.',
    );
    const one = { ...gap, details: { ...gap.details, areas: 'educational-matters' } };
    expect(gapText(one, t, { roleName: () => 'Aanspreekpunt pesten', language: 'nl' })).toBe(
      'Niemand op SBO De Wending of bij het bestuur is aanspreekpunt pesten, terwijl die rol een stap is in de klachtenroute van één onderwerp.',
    );
    expect(gapLink(gap)).toBe('/complaint-routes?schoolId=3&area=educational-matters');
    expect(gapLinkText(gap, t)).toBe('Klachtenroutes van SBO De Wending');
  });
});
