/**
 * What the logged-in user may do where, as the API tells it (`access` in `GET /auth/session`).
 *
 * The API owns the policy (which role gives which capability); the screens only ask these
 * questions of its answer, so that they offer what the API will allow. Nothing here knows a
 * role's name: a role's capabilities arrive per board, school, region and municipality, and the levels each
 * role can be given at arrive as `roleLevels`.
 */
import type { Role, ScopeType, SessionInfo, User } from '../../api/types';

export type Access = SessionInfo['access'];
export type Capability = Access['capabilities'][number];
export type ScopedCapabilities = Access['boards'][number];
export type RoleLevels = Access['roleLevels'];

/** A record's place: its board, and its school when it belongs to one. */
export interface RecordScope {
  boardId?: number | null;
  schoolId?: number | null;
}

/** Every capability the API knows, in its own order. */
export const CAPABILITIES = [
  'read',
  'edit',
  'manage-school',
  'manage-board',
  'read-audit',
  'confidential',
  'read-case-report',
  'read-benefit',
  'read-region',
] as const satisfies readonly Capability[];

type Exhaustive<T extends never> = T;
export type AllCapabilitiesListed = Exhaustive<Exclude<Capability, (typeof CAPABILITIES)[number]>>;

/** What being the platform administrator does not give: the counsellor's register and a volunteer's benefit. */
const BEYOND_PLATFORM_ADMIN: readonly Capability[] = ['confidential', 'read-benefit'];

/** No capability anywhere (nobody logged in). */
export const NO_ACCESS: Access = {
  platformAdmin: false,
  capabilities: [],
  boards: [],
  schools: [],
  regions: [],
  municipalities: [],
  roleLevels: {},
};

function byPlatformAdmin(access: Access, cap: Capability): boolean {
  return access.platformAdmin && !BEYOND_PLATFORM_ADMIN.includes(cap);
}

function has(entry: ScopedCapabilities, cap: Capability): boolean {
  return entry.capabilities.includes(cap);
}

/** Whether the capability is held anywhere: what to offer at all (menus, "new" buttons), never for one record. */
export function holds(access: Access, cap: Capability): boolean {
  return byPlatformAdmin(access, cap) || access.capabilities.includes(cap);
}

/** Whether any capability is held anywhere (any role at all, or the platform administrator). */
export function holdsAny(access: Access): boolean {
  return access.platformAdmin || access.capabilities.length > 0;
}

/**
 * The API's rule for one record: the capability on the record's board (a board-level capability
 * covers all the board's schools) or on its school.
 */
export function can(access: Access, cap: Capability, scope: RecordScope): boolean {
  if (byPlatformAdmin(access, cap)) return true;
  const { boardId, schoolId } = scope;
  if (boardId != null && access.boards.some((b) => b.id === boardId && has(b, cap))) return true;
  return schoolId != null && access.schools.some((s) => s.id === schoolId && has(s, cap));
}

/** Whether the capability is held at a board itself (a board-level role, or the platform administrator). */
export function canAtBoard(access: Access, cap: Capability, boardId: number): boolean {
  return can(access, cap, { boardId });
}

/**
 * A board's shared registers (partners, people), kept by school staff too: the capability on the
 * board, or on any one of its schools.
 */
export function canInBoard(access: Access, cap: Capability, boardId: number): boolean {
  return can(access, cap, { boardId }) || access.schools.some((s) => s.boardId === boardId && has(s, cap));
}

/**
 * The boards where the capability is held by a board-level role. The platform administrator's
 * "everywhere" is not a list: ask `access.platformAdmin` (or `can`) for that.
 */
export function boardsWith(access: Access, cap: Capability): number[] {
  return access.boards.filter((b) => has(b, cap)).map((b) => b.id);
}

/** The schools where the capability is held by a school-level role (with their boards). */
export function schoolsWith(access: Access, cap: Capability): ScopedCapabilities[] {
  return access.schools.filter((s) => has(s, cap));
}

/** The regions where the capability is held. */
export function regionsWith(access: Access, cap: Capability): number[] {
  return access.regions.filter((r) => has(r, cap)).map((r) => r.id);
}

/** The municipalities where the capability is held (a municipality contact's own). */
export function municipalitiesWith(access: Access, cap: Capability): number[] {
  return (access.municipalities ?? []).filter((m) => has(m, cap)).map((m) => m.id);
}

/** The levels a role can be given at, as the API enforces them (`role-scope-mismatch`). */
export function roleLevelsOf(access: Access, role: Role): readonly ScopeType[] {
  return access.roleLevels[role] ?? [];
}

const SCOPE_KEYS = {
  board: 'boardId',
  school: 'schoolId',
  region: 'regionId',
  municipality: 'municipalityId',
} as const satisfies Record<ScopeType, string>;

/** The name of a board, school, region or municipality the user has a role at (from the memberships), or its id. */
export function scopeLabel(user: Pick<User, 'memberships'>, level: ScopeType, id: number): string {
  const key = SCOPE_KEYS[level];
  const membership = user.memberships.find((m) => m.scopeType === level && m[key] === id && m.scopeName);
  return membership?.scopeName ?? String(id);
}
