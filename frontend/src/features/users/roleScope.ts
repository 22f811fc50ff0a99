/**
 * The rule that ties a role to the level it is given at, as the API enforces it
 * (`role-scope-mismatch`) and tells it in the session (`access.roleLevels`): e.g. a board admin
 * only at a board, a school admin only at a school. Forms use these helpers to offer only valid
 * combinations.
 */
import { ROLES, type MembershipCreate, type Role, type ScopeType } from '../../api/types';
import { can, type Access, type RoleLevels } from '../../lib/auth/access';

export const SCOPE_LEVELS = ['board', 'school', 'region', 'municipality'] as const satisfies readonly ScopeType[];

type Exhaustive<T extends never> = T;
export type AllScopeLevelsListed = Exhaustive<Exclude<ScopeType, (typeof SCOPE_LEVELS)[number]>>;

/** The levels outside any board (a municipality, a region): only a platform administrator gives roles there. */
const AREA_LEVELS: readonly ScopeType[] = ['municipality', 'region'];

export function isAreaLevel(level: ScopeType): boolean {
  return AREA_LEVELS.includes(level);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The levels a role can be given at (from `access.roleLevels`); every level while no role is chosen. */
export function levelsForRole(roleLevels: RoleLevels, role: Role | '' | undefined): readonly ScopeType[] {
  return role ? (roleLevels[role] ?? []) : SCOPE_LEVELS;
}

export function isAllowedLevel(roleLevels: RoleLevels, role: Role, level: ScopeType): boolean {
  return levelsForRole(roleLevels, role).includes(level);
}

/** Roles given at a region or municipality only need a platform administrator: others give roles within their boards. */
export function grantableRoles(access: Access): Role[] {
  return ROLES.filter((role) => {
    const levels = levelsForRole(access.roleLevels, role);
    return levels.length > 0 && (access.platformAdmin || !levels.every(isAreaLevel));
  });
}

export function grantableLevels(access: Access): ScopeType[] {
  return SCOPE_LEVELS.filter((level) => access.platformAdmin || !isAreaLevel(level));
}

/** A scope as the value of one <select>: `board:7`, `school:12`, `region:3`, `municipality:14`. */
export function scopeValue(level: ScopeType, id: number): string {
  return `${level}:${id}`;
}

export function parseScopeValue(value: string): { level: ScopeType; id: number } | null {
  const match = /^(board|school|region|municipality):([1-9][0-9]{0,9})$/.exec(value);
  if (!match) return null;
  return { level: match[1] as ScopeType, id: Number(match[2]) };
}

export interface ScopeChoice {
  id: number;
  name: string;
  /** The board of a school, or the kind of a region (to tell alike names apart). */
  detail?: string | null;
}

export interface ScopeLists {
  boards: ScopeChoice[];
  schools: ScopeChoice[];
  regions: ScopeChoice[];
  /** The municipalities of today (342 in 2026), for municipal contact points. */
  municipalities: ScopeChoice[];
}

export interface ScopeGroup {
  level: ScopeType;
  options: { value: string; label: string }[];
}

/** The scopes a role can be given at, grouped by level (for <optgroup>s), in level order. */
export function scopeGroups(
  roleLevels: RoleLevels,
  role: Role | '',
  lists: ScopeLists,
  levels: readonly ScopeType[],
): ScopeGroup[] {
  const byLevel: Record<ScopeType, ScopeChoice[]> = {
    board: lists.boards,
    school: lists.schools,
    region: lists.regions,
    municipality: lists.municipalities,
  };
  return levelsForRole(roleLevels, role)
    .filter((level) => levels.includes(level))
    .map((level) => ({
      level,
      options: byLevel[level].map((c) => ({
        value: scopeValue(level, c.id),
        label: c.detail ? `${c.name} (${c.detail})` : c.name,
      })),
    }))
    .filter((group) => group.options.length > 0);
}

/** Keeps the chosen scope only while it fits the (new) role. */
export function keepScopeForRole(roleLevels: RoleLevels, role: Role | '', scope: string): string {
  const parsed = parseScopeValue(scope);
  if (!parsed || !role) return scope;
  return isAllowedLevel(roleLevels, role, parsed.level) ? scope : '';
}

export type MembershipIssue = 'roleRequired' | 'scopeRequired' | 'wrongLevel';

/** What is wrong with a role and scope before sending them, per field; empty when both are fine. */
export function checkMembership(
  roleLevels: RoleLevels,
  role: string,
  scope: string,
): { role?: MembershipIssue; scope?: MembershipIssue } {
  const issues: { role?: MembershipIssue; scope?: MembershipIssue } = {};
  if (!isRole(role)) issues.role = 'roleRequired';
  const parsed = parseScopeValue(scope);
  if (!parsed) issues.scope = 'scopeRequired';
  else if (isRole(role) && !isAllowedLevel(roleLevels, role, parsed.level)) issues.scope = 'wrongLevel';
  return issues;
}

const BODY_KEYS = {
  board: 'boardId',
  school: 'schoolId',
  region: 'regionId',
  municipality: 'municipalityId',
} as const satisfies Record<ScopeType, keyof MembershipCreate>;

/** The request body for a role at a scope (which must have passed `checkMembership`). */
export function membershipBody(role: Role, scope: string): MembershipCreate {
  const parsed = parseScopeValue(scope);
  if (!parsed) throw new Error(`not a scope: ${scope}`);
  return { role, [BODY_KEYS[parsed.level]]: parsed.id };
}

/**
 * The form field an API error on a membership belongs to: `role` for the role (and a role given
 * at the wrong level), `scope` for `boardId`, `schoolId`, `regionId`, `municipalityId` or the membership as a whole.
 * Names may come nested (`memberships.0.role`) when the membership was part of a new user.
 */
export function membershipField(name: string): 'role' | 'scope' | null {
  const bare = name.replace(/^body\./, '');
  const inner = bare.replace(/^memberships(\.\d+)?\.?/, '');
  if (inner === 'role') return 'role';
  if ((Object.values(BODY_KEYS) as string[]).includes(inner)) return 'scope';
  if (inner === '' && bare.startsWith('memberships')) return 'scope';
  return null;
}

/**
 * Whether the user may remove a membership: one at a board they manage or at one of its schools
 * (as the API's "manage board"), or any as platform administrator.
 */
export function canManageMembership(
  access: Access,
  membership: { scopeType: ScopeType; boardId: number | null; schoolId: number | null },
  schoolBoards: ReadonlyMap<number, number>,
): boolean {
  if (access.platformAdmin) return true;
  if (isAreaLevel(membership.scopeType)) return false;
  const board =
    membership.scopeType === 'board'
      ? membership.boardId
      : (membership.boardId ?? (membership.schoolId != null ? schoolBoards.get(membership.schoolId) : undefined));
  return board != null && can(access, 'manage-board', { boardId: board });
}
