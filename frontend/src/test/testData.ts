/** Fixtures for the registry's tests. */
import type { School, User } from '../api/types';
import { json } from './utils';

export const coordinator: User = {
  id: 4,
  email: 'coordinator@demo.spil.nl',
  name: 'Chris Coördinator',
  isPlatformAdmin: false,
  isActive: true,
  lastLoginAt: '2026-11-23T10:00:00Z',
  memberships: [
    { id: 3, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' },
  ],
};

export const viewer: User = {
  id: 6,
  email: 'lezer@demo.spil.nl',
  name: 'Lars Lezer',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 6, role: 'viewer', scopeType: 'board', boardId: 1, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
  ],
};

/** The board administrator of the demo board (board 1, the board of `school`). */
export const demoBoardAdmin: User = {
  id: 2,
  email: 'bestuur@demo.spil.nl',
  name: 'Bram Bestuur',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 2, role: 'board-admin', scopeType: 'board', boardId: 1, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
  ],
};

export const school: School = {
  id: 1,
  boardId: 1,
  boardName: 'Stichting Spil Demo',
  locationCode: '12AB00',
  brin: '12AB',
  name: 'OBS De Spil',
  sector: 'PO',
  municipalityId: 1,
  municipalityName: 'Haarlem',
  street: null,
  houseNumber: null,
  postalCode: null,
  city: 'Haarlem',
  email: null,
  phone: null,
  website: null,
  profile: null,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
} as School;

export function page<T>(items: T[]) {
  return json({ items, total: items.length, page: 1, pageSize: 100 });
}

/** Answers for the reference lists every registry page may ask for. */
export function referenceAnswer(path: string): Response | null {
  if (path === '/api/v1/schools') return page([school]);
  if (path === '/api/v1/partner-categories' || path === '/api/v1/role-types') return json([]);
  if (path === '/api/v1/municipalities') return page([]);
  return null;
}
