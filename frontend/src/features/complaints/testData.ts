/** Fixtures for the complaint routes' tests. */
import type { User } from '../../api/types';
import type { ResolvedRoute, Route } from './types';

export const schoolAdmin: User = {
  id: 3,
  email: 'directie@demo.spil.nl',
  name: 'Dirk Directie',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 3, role: 'school-admin', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' },
  ],
};

export const counsellor: User = {
  id: 5,
  email: 'vertrouwenspersoon@demo.spil.nl',
  name: 'Vera Vertrouwen',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 5, role: 'confidential-counsellor', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' },
  ],
};

const step = (over: Partial<Route['steps'][number]>): Route['steps'][number] => ({
  position: 1,
  key: 'k',
  kind: 'talk',
  actorType: 'role',
  actor: 'teacher',
  statutory: false,
  rule: null,
  textNl: 'tekst',
  textEn: 'text',
  expectNl: null,
  expectEn: null,
  ...over,
});

export const ownRoute: Route = {
  id: 5,
  boardId: 1,
  schoolId: 1,
  area: 'undesirable-behaviour',
  group: 'parent',
  published: false,
  updatedAt: '2026-11-23T10:00:00Z',
  steps: [
    step({ position: 1, key: 'teacher', textNl: 'Praat met de leerkracht.', textEn: 'Talk to the teacher.' }),
    step({
      position: 2,
      key: 'anti-bullying',
      actor: 'anti-bullying-coordinator',
      statutory: true,
      rule: 'Wet veiligheid op school (2015)',
      textNl: 'Ga naar het aanspreekpunt pesten.',
      textEn: 'Go to the anti-bullying coordinator.',
    }),
    step({
      position: 3,
      key: 'committee',
      kind: 'complaint',
      actorType: 'complaint-committee',
      actor: null,
      statutory: true,
      rule: 'WPO art. 14',
      textNl: 'Dien een klacht in bij de klachtencommissie.',
      textEn: 'Make a complaint to the complaint committee.',
    }),
  ],
};

export const defaultRoute: Route = { ...ownRoute, id: 1, schoolId: null, boardId: null, published: true };

export const resolvedRoute: ResolvedRoute = {
  school: { name: 'OBS De Spil', city: 'Haarlem', locationCode: '12AB00', phone: '023 123 4567', email: 'info@obsdespil.nl' },
  area: 'undesirable-behaviour',
  group: 'parent',
  source: 'default',
  published: true,
  steps: [
    {
      position: 1,
      key: 'teacher',
      kind: 'talk',
      statutory: false,
      actorType: 'role',
      actor: 'teacher',
      actorNameNl: 'Leerkracht',
      actorNameEn: 'Teacher',
      textNl: 'Praat met de leerkracht.',
      textEn: 'Talk to the teacher.',
      expectNl: null,
      expectEn: null,
      contacts: [],
      unfilled: false,
      viaSchool: true,
    },
    {
      position: 2,
      key: 'counsellor',
      kind: 'advice',
      statutory: false,
      actorType: 'role',
      actor: 'internal-confidential-counsellor',
      actorNameNl: 'Interne vertrouwenspersoon',
      actorNameEn: 'Internal confidential counsellor',
      textNl: 'Praat met de vertrouwenspersoon.',
      textEn: 'Talk to the confidential counsellor.',
      expectNl: 'Zij luistert en denkt mee.',
      expectEn: 'She listens and thinks along.',
      contacts: [{ name: 'Vera Vertrouwen', howToReach: 'Spreek haar aan op het schoolplein of bel 06-12345678.' }],
      unfilled: false,
      viaSchool: false,
    },
    {
      position: 3,
      key: 'inspectors',
      kind: 'advice',
      statutory: false,
      actorType: 'body',
      actor: 'confidential-inspectors',
      actorNameNl: 'Vertrouwensinspecteurs',
      actorNameEn: 'Confidential inspectors',
      textNl: 'Vraag advies aan de vertrouwensinspecteur.',
      textEn: 'Ask the confidential inspector for advice.',
      expectNl: null,
      expectEn: null,
      contacts: [{ name: 'Vertrouwensinspecteurs', phone: '0900-111 3 111', website: 'https://www.onderwijsinspectie.nl', hours: 'werkdagen 8.00-17.00' }],
      unfilled: false,
      viaSchool: false,
    },
  ],
};
