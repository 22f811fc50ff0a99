/**
 * The rule that ties a role to the level it is given at, as the API enforces it
 * (`role-scope-mismatch`): a board admin only at a board, a school admin only at a school, a
 * region contact only at a labour-market region, and coordinators, confidential counsellors and
 * viewers at a board or a school. Forms use these helpers to offer only valid combinations.
 */
import { ROLES, type MembershipCreate, type Role, type ScopeType, type User } from '../../api/types';
import { adminBoardIds } from '../auth/permissions';

export const SCOPE_LEVELS = ['board', 'school', 'region'] as const satisfies readonly ScopeType[];

export const ROLE_LEVELS: Record<Role, readonly ScopeType[]> = {
  'board-admin': ['board'],
  'school-admin': ['school'],
  coordinator: ['board', 'school'],
  'confidential-counsellor': ['board', 'school'],
  viewer: ['board', 'school'],
  'region-contact': ['region'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The levels a role can be given at; every level while no role is chosen. */
export function levelsForRole(role: Role | '' | undefined): readonly ScopeType[] {
  return role ? ROLE_LEVELS[role] : SCOPE_LEVELS;
}

export function isAllowedLevel(role: Role, level: ScopeType): boolean {
  return ROLE_LEVELS[role].includes(level);
}

/** Region roles need a platform administrator: board admins give roles within their boards only. */
export function grantableRoles(user: User): Role[] {
  return ROLES.filter((role) => user.isPlatformAdmin || !ROLE_LEVELS[role].every((l) => l === 'region'));
}

export function grantableLevels(user: User): ScopeType[] {
  return SCOPE_LEVELS.filter((level) => user.isPlatformAdmin || level !== 'region');
}

/** A scope as the value of one <select>: `board:7`, `school:12`, `region:3`. */
export function scopeValue(level: ScopeType, id: number): string {
  return `${level}:${id}`;
}

export function parseScopeValue(value: string): { level: ScopeType; id: number } | null {
  const match = /^(board|school|region):([1-9][0-9]{0,9})$/.exec(value);
  if (!match) return null;
  return { level: match[1] as ScopeType, id: Number(match[2]) };
}

export interface ScopeChoice {
  id: number;
  name: string;
  /** The board of a school (to show which board it belongs to). */
  detail?: string | null;
}

export interface ScopeLists {
  boards: ScopeChoice[];
  schools: ScopeChoice[];
  regions: ScopeChoice[];
}

export interface ScopeGroup {
  level: ScopeType;
  options: { value: string; label: string }[];
}

/** The scopes a role can be given at, grouped by level (for <optgroup>s), in level order. */
export function scopeGroups(role: Role | '', lists: ScopeLists, levels: readonly ScopeType[]): ScopeGroup[] {
  const byLevel: Record<ScopeType, ScopeChoice[]> = { board: lists.boards, school: lists.schools, region: lists.regions };
  return levelsForRole(role)
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
export function keepScopeForRole(role: Role | '', scope: string): string {
  const parsed = parseScopeValue(scope);
  if (!parsed || !role) return scope;
  return isAllowedLevel(role, parsed.level) ? scope : '';
}

export type MembershipIssue = 'roleRequired' | 'scopeRequired' | 'wrongLevel';

/** What is wrong with a role and scope before sending them, per field; empty when both are fine. */
export function checkMembership(role: string, scope: string): { role?: MembershipIssue; scope?: MembershipIssue } {
  const issues: { role?: MembershipIssue; scope?: MembershipIssue } = {};
  if (!isRole(role)) issues.role = 'roleRequired';
  const parsed = parseScopeValue(scope);
  if (!parsed) issues.scope = 'scopeRequired';
  else if (isRole(role) && !isAllowedLevel(role, parsed.level)) issues.scope = 'wrongLevel';
  return issues;
}

/** The request body for a role at a scope (which must have passed `checkMembership`). */
export function membershipBody(role: Role, scope: string): MembershipCreate {
  const parsed = parseScopeValue(scope);
  if (!parsed) throw new Error(`not a scope: ${scope}`);
  const key = parsed.level === 'board' ? 'boardId' : parsed.level === 'school' ? 'schoolId' : 'regionId';
  return { role, [key]: parsed.id };
}

/**
 * The form field an API error on a membership belongs to: `role` for the role (and a role given
 * at the wrong level), `scope` for `boardId`, `schoolId`, `regionId` or the membership as a whole.
 * Names may come nested (`memberships.0.role`) when the membership was part of a new user.
 */
export function membershipField(name: string): 'role' | 'scope' | null {
  const bare = name.replace(/^body\./, '');
  const inner = bare.replace(/^memberships(\.\d+)?\.?/, '');
  if (inner === 'role') return 'role';
  if (inner === 'boardId' || inner === 'schoolId' || inner === 'regionId') return 'scope';
  if (inner === '' && bare.startsWith('memberships')) return 'scope';
  return null;
}

/** Whether the user may remove a membership: within a board they administer, or any as platform admin. */
export function canManageMembership(
  user: User,
  membership: { scopeType: ScopeType; boardId: number | null; schoolId: number | null },
  schoolBoards: ReadonlyMap<number, number>,
): boolean {
  if (user.isPlatformAdmin) return true;
  const boards = adminBoardIds(user);
  if (membership.scopeType === 'board') return membership.boardId != null && boards.includes(membership.boardId);
  if (membership.scopeType === 'school') {
    const board = membership.boardId ?? (membership.schoolId != null ? schoolBoards.get(membership.schoolId) : undefined);
    return board != null && boards.includes(board);
  }
  return false;
}
