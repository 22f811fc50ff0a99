/** Shared test data for the account screens. */
import type { AnyRegion, Board, Municipality, School, UserAccount } from '../../api/types';
import { json } from '../../test/utils';

export const board: Board = {
  id: 7,
  number: '41234',
  name: 'Stichting Spil Demo',
  municipalityId: null,
  municipalityName: null,
  email: null,
  phone: null,
  website: null,
  retentionYears: 7,
  schoolCount: 2,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
};

function school(id: number, name: string, boardId: number, boardName: string): School {
  return {
    id,
    boardId,
    boardName,
    locationCode: `12AB0${id}`,
    brin: '12AB',
    name,
    sector: 'PO',
    municipalityId: 3,
    municipalityName: 'Amsterdam',
    street: null,
    houseNumber: null,
    postalCode: null,
    city: 'Amsterdam',
    email: null,
    phone: null,
    website: null,
    profile: null,
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-01T10:00:00Z',
  };
}

export const schools: School[] = [
  school(4, 'OBS De Spil', 7, 'Stichting Spil Demo'),
  school(5, 'Basisschool De Regenboog', 7, 'Stichting Spil Demo'),
  // A school of another board, where the board admin happens to be a viewer.
  school(9, 'Het Andere Lyceum', 8, 'Tweede Stichting'),
];

export const coordinator: UserAccount = {
  id: 21,
  email: 'cees@demo.spil.nl',
  name: 'Cees Coördinator',
  isPlatformAdmin: false,
  isActive: true,
  lastLoginAt: null,
  memberships: [
    { id: 31, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 5, regionId: null, scopeName: 'Basisschool De Regenboog' },
  ],
};

export const retired: UserAccount = {
  id: 22,
  email: 'oud@demo.spil.nl',
  name: 'Oud Account',
  isPlatformAdmin: false,
  isActive: false,
  lastLoginAt: '2025-03-01T09:00:00Z',
  memberships: [
    { id: 32, role: 'viewer', scopeType: 'board', boardId: 7, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
    { id: 33, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'OBS De Spil' },
    { id: 34, role: 'viewer', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'OBS De Spil' },
    { id: 35, role: 'viewer', scopeType: 'school', boardId: null, schoolId: 5, regionId: null, scopeName: 'Basisschool De Regenboog' },
  ],
};

export function page<T>(items: T[], extra: { page?: number; pageSize?: number; total?: number } = {}) {
  return json({ items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 100 });
}

/** Regions of several kinds, as `GET /regions` lists them. */
export const regions: AnyRegion[] = [
  { id: 2, kind: 'labour-market', code: 'AM12', name: 'Groot Amsterdam', municipalityCount: 7 },
  { id: 40, kind: 'ggd', code: 'GGD-KEN', name: 'GGD Kennemerland', municipalityCount: 2 },
];

function municipality(id: number, name: string): Municipality {
  return { id, code: `GM${String(id).padStart(4, '0')}`, name, regionId: 2, regionName: 'Groot Amsterdam', province: 'Noord-Holland', endedOn: null, successorId: null, regions: [] };
}

/** Enough municipalities for the role form to offer a search field (and two that a search for "haarlem" finds). */
export const municipalities: Municipality[] = [
  municipality(392, 'Haarlem'),
  municipality(394, 'Haarlemmermeer'),
  ...Array.from({ length: 30 }, (_, i) => municipality(1000 + i, `Testgemeente ${i + 1}`)),
];

/** Answers the reference lists the forms need: boards, schools, regions, municipalities. */
export function referenceLists(path: string): Response | null {
  if (path === '/api/v1/boards') return page([board]);
  if (path === '/api/v1/schools') return page(schools);
  if (path === '/api/v1/labour-market-regions') return page([regions[0]]);
  if (path === '/api/v1/regions') return page(regions);
  if (path === '/api/v1/municipalities') return page(municipalities);
  return null;
}
