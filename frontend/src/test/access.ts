/**
 * Fake `access` for tests' sessions, derived from a user's memberships the way the API derives it.
 * Test code only: the app never maps role names to capabilities (it reads the session's `access`).
 */
import type { Role, ScopeType, User } from '../api/types';
import { CAPABILITIES, type Access, type Capability, type RoleLevels, type ScopedCapabilities } from '../lib/auth/access';

/** The API's role policy (backend `spil.kit.policy`), as fixtures for the tests. */
export const TEST_ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  'board-admin': ['read', 'edit', 'manage-school', 'manage-board', 'read-audit', 'read-case-report', 'read-benefit'],
  'school-admin': ['read', 'edit', 'manage-school', 'read-case-report'],
  coordinator: ['read', 'edit'],
  'confidential-counsellor': ['read', 'confidential', 'read-case-report'],
  viewer: ['read'],
  'region-contact': ['read-region'],
  'municipality-contact': ['read-region'],
};

export const TEST_ROLE_LEVELS: RoleLevels = {
  'board-admin': ['board'],
  'school-admin': ['school'],
  coordinator: ['board', 'school'],
  'confidential-counsellor': ['board', 'school'],
  viewer: ['board', 'school'],
  'region-contact': ['region'],
  'municipality-contact': ['municipality'],
};

const PLATFORM_ADMIN_CAPABILITIES = CAPABILITIES.filter((c) => c !== 'confidential' && c !== 'read-benefit');

/**
 * The access the API would send for this user (capabilities sorted, as the API sorts them). A school membership's `boardId` is the school's
 * board when the fixture gives it; `schoolBoards` fills it in otherwise.
 */
export function accessFor(
  user: Pick<User, 'isPlatformAdmin' | 'memberships'>,
  schoolBoards: Record<number, number> = {},
): Access {
  const per = new Map<string, { level: ScopeType; id: number; boardId: number | null; caps: Set<Capability> }>();
  for (const m of user.memberships) {
    const id =
      m.scopeType === 'board'
        ? m.boardId
        : m.scopeType === 'school'
          ? m.schoolId
          : m.scopeType === 'region'
            ? m.regionId
            : (m.municipalityId ?? null);
    if (id == null) continue;
    const key = `${m.scopeType}:${id}`;
    const boardId = m.scopeType === 'school' ? (m.boardId ?? schoolBoards[id] ?? null) : null;
    const entry = per.get(key) ?? { level: m.scopeType, id, boardId, caps: new Set<Capability>() };
    for (const c of TEST_ROLE_CAPABILITIES[m.role]) entry.caps.add(c);
    per.set(key, entry);
  }
  const listed = (level: ScopeType): ScopedCapabilities[] =>
    [...per.values()]
      .filter((e) => e.level === level)
      .sort((a, b) => a.id - b.id)
      .map((e) => ({ id: e.id, boardId: e.boardId, capabilities: [...e.caps].sort() }));
  const held = new Set<Capability>([...per.values()].flatMap((e) => [...e.caps]));
  if (user.isPlatformAdmin) for (const c of PLATFORM_ADMIN_CAPABILITIES) held.add(c);
  return {
    platformAdmin: user.isPlatformAdmin,
    capabilities: [...held].sort(),
    boards: listed('board'),
    schools: listed('school'),
    regions: listed('region'),
    municipalities: listed('municipality'),
    roleLevels: TEST_ROLE_LEVELS,
  };
}
