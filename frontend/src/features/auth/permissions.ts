import type { Membership, Role, User } from '../../api/types';

function has(user: User, predicate: (m: Membership) => boolean): boolean {
  return user.memberships.some(predicate);
}

function isRole(role: Role) {
  return (m: Membership) => m.role === role;
}

/** The audit log: board administrators and platform administrators. */
export function canSeeAudit(user: User): boolean {
  return user.isPlatformAdmin || has(user, isRole('board-admin'));
}

/** The boards list: anyone with a board or region membership, and platform administrators. */
export function canSeeBoards(user: User): boolean {
  return user.isPlatformAdmin || has(user, (m) => m.scopeType === 'board' || m.scopeType === 'region');
}

/** The schools list: anyone with a membership (schools are filtered to their scope by the API). */
export function canSeeSchools(user: User): boolean {
  return user.isPlatformAdmin || user.memberships.length > 0;
}

export function canCreateBoard(user: User): boolean {
  return user.isPlatformAdmin;
}

/** Boards this user administers (and so may add schools to). */
export function adminBoardIds(user: User): number[] {
  return user.memberships
    .filter((m) => m.role === 'board-admin' && m.boardId != null)
    .map((m) => m.boardId as number);
}

export function canCreateSchool(user: User): boolean {
  return user.isPlatformAdmin || adminBoardIds(user).length > 0;
}

export function canEditBoard(user: User, boardId: number): boolean {
  return user.isPlatformAdmin || adminBoardIds(user).includes(boardId);
}

export function canEditSchool(user: User, school: { id: number; boardId: number }): boolean {
  return (
    canEditBoard(user, school.boardId) ||
    has(user, (m) => m.role === 'school-admin' && m.schoolId === school.id)
  );
}

export function canDeleteSchool(user: User, school: { boardId: number }): boolean {
  return canEditBoard(user, school.boardId);
}

export function canDeleteBoard(user: User): boolean {
  return user.isPlatformAdmin;
}
