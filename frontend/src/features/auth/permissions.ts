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

/** User accounts and their roles: board administrators (within their boards) and platform administrators. */
export function canManageUsers(user: User): boolean {
  return user.isPlatformAdmin || adminBoardIds(user).length > 0;
}

/** API clients (integrations): board administrators (for their boards) and platform administrators. */
export function canManageApiClients(user: User): boolean {
  return user.isPlatformAdmin || adminBoardIds(user).length > 0;
}

/* --- The registry: partners, partnerships, people, roles, gaps ------------------------------- */

const REGISTRY_EDITORS: readonly Role[] = ['board-admin', 'school-admin', 'coordinator'];

/** The registry screens: anyone with a membership (the API limits what each one sees). */
export function canSeeRegistry(user: User): boolean {
  return user.isPlatformAdmin || user.memberships.length > 0;
}

/** Whether the user may change anything in the registry (create buttons, the import page). */
export function canEditRegistry(user: User): boolean {
  return user.isPlatformAdmin || has(user, (m) => REGISTRY_EDITORS.includes(m.role));
}

/**
 * A school's everyday records (its partnerships, contacts, roles): editors of that school or of its
 * board. A board-wide record (no school) needs an editor of the board.
 */
export function canEditSchoolRecords(user: User, scope: { boardId: number; schoolId: number | null | undefined }): boolean {
  return (
    user.isPlatformAdmin ||
    has(
      user,
      (m) =>
        REGISTRY_EDITORS.includes(m.role) &&
        ((m.boardId != null && m.boardId === scope.boardId) || (scope.schoolId != null && m.schoolId === scope.schoolId)),
    )
  );
}

/** A board's shared registers (partners, people): editors of the board or of any of its schools. */
export function canEditBoardRegister(
  user: User,
  boardId: number,
  boardOfSchool: (schoolId: number) => number | undefined,
): boolean {
  return (
    user.isPlatformAdmin ||
    has(
      user,
      (m) =>
        REGISTRY_EDITORS.includes(m.role) &&
        (m.boardId === boardId || (m.schoolId != null && boardOfSchool(m.schoolId) === boardId)),
    )
  );
}

/**
 * The catalogue (partner categories, role types): a board's own entries are added and removed by
 * its board administrators (and platform administrators); everyone else reads it.
 */
export function canEditCatalogue(user: User, boardId: number): boolean {
  return canEditBoard(user, boardId);
}

/** Whether the user may add own entries to the catalogue of some board. */
export function canAddToCatalogue(user: User): boolean {
  return user.isPlatformAdmin || adminBoardIds(user).length > 0;
}

/** School administrators and coordinators start on the gaps dashboard after logging in. */
export function landsOnGaps(user: User): boolean {
  return (
    !user.isPlatformAdmin &&
    adminBoardIds(user).length === 0 &&
    has(user, (m) => m.role === 'school-admin' || m.role === 'coordinator')
  );
}

/* --- Complaint routes and confidential work ------------------------------------------------------ */

/** A confidential counsellor (of a school or a board): the only one who sees the case register. */
export function isConfidentialCounsellor(user: User): boolean {
  return has(user, isRole('confidential-counsellor'));
}

/** The annual report: counsellors (exact numbers), school and board administrators (small numbers hidden). */
export function canSeeCaseReport(user: User): boolean {
  return (
    user.isPlatformAdmin ||
    isConfidentialCounsellor(user) ||
    has(user, (m) => m.role === 'board-admin' || m.role === 'school-admin')
  );
}

/** A school's complaint routes: its school administrators and the board's administrators (canEditSchool). */
export const canEditRoutes = canEditSchool;
