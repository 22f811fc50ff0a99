/**
 * The screens' questions about what to offer, answered from the session's `access` (see
 * `./access`). The API decides; these only shape the screens, and know no role names.
 */
import { boardsWith, can, canInBoard, holds, holdsAny, type Access, type RecordScope } from './access';

/** The audit log. */
export function canSeeAudit(access: Access): boolean {
  return holds(access, 'read-audit');
}

/** The boards list: readers at a board, region contacts and platform administrators. */
export function canSeeBoards(access: Access): boolean {
  return (
    access.platformAdmin ||
    access.boards.some((b) => b.capabilities.includes('read')) ||
    holds(access, 'read-region')
  );
}

/** The schools list: anyone with a role (schools are filtered to their scope by the API). */
export function canSeeSchools(access: Access): boolean {
  return holdsAny(access);
}

export function canCreateBoard(access: Access): boolean {
  return access.platformAdmin;
}

/** Boards this user manages (and so may add schools to); the platform administrator's are not listed. */
export function adminBoardIds(access: Access): number[] {
  return boardsWith(access, 'manage-board');
}

export function canCreateSchool(access: Access): boolean {
  return holds(access, 'manage-board');
}

export function canEditBoard(access: Access, boardId: number): boolean {
  return can(access, 'manage-board', { boardId });
}

export function canEditSchool(access: Access, school: { id: number; boardId: number }): boolean {
  return can(access, 'manage-school', { boardId: school.boardId, schoolId: school.id });
}

export function canDeleteSchool(access: Access, school: { boardId: number }): boolean {
  return canEditBoard(access, school.boardId);
}

export function canDeleteBoard(access: Access): boolean {
  return access.platformAdmin;
}

/** User accounts and their roles: the managers of a board (within it) and platform administrators. */
export function canManageUsers(access: Access): boolean {
  return holds(access, 'manage-board');
}

/** API clients (integrations): the managers of a board (for it) and platform administrators. */
export function canManageApiClients(access: Access): boolean {
  return holds(access, 'manage-board');
}

/** Sync runs of the school administration systems and the job-title mappings: board managers. */
export function canSeeSyncRuns(access: Access): boolean {
  return holds(access, 'manage-board');
}

/* --- The registry: partners, partnerships, people, roles, gaps ------------------------------- */

/**
 * The registry screens (partners, partnerships, people, gaps, routes): readers of a board or school.
 * A region contact reads aggregates, never colleagues, so these are not offered to one.
 */
export function canSeeRegistry(access: Access): boolean {
  return access.platformAdmin || holds(access, 'read');
}

/** Whether the user may change anything in the registry (create buttons, the import page). */
export function canEditRegistry(access: Access): boolean {
  return holds(access, 'edit');
}

/**
 * A school's everyday records (its partnerships, contacts, roles): editors of that school or of its
 * board. A board-wide record (no school) needs an editor of the board.
 */
export function canEditSchoolRecords(access: Access, scope: RecordScope): boolean {
  return can(access, 'edit', scope);
}

/** A board's shared registers (partners, people): editors of the board or of any of its schools. */
export function canEditBoardRegister(access: Access, boardId: number): boolean {
  return canInBoard(access, 'edit', boardId);
}

/**
 * The catalogue (partner categories, role types): a board's own entries are added and removed by
 * its managers (and platform administrators); everyone else reads it.
 */
export function canEditCatalogue(access: Access, boardId: number): boolean {
  return canEditBoard(access, boardId);
}

/** Whether the user may add own entries to the catalogue of some board. */
export function canAddToCatalogue(access: Access): boolean {
  return holds(access, 'manage-board');
}

/** Those who edit a school's records but manage no board start on the gaps dashboard after logging in. */
export function landsOnGaps(access: Access): boolean {
  return !access.platformAdmin && holds(access, 'edit') && !holds(access, 'manage-board');
}

/* --- Complaint routes and confidential work ------------------------------------------------------ */

/** A confidential counsellor (of a school or a board): the only one who sees the case register. */
export function isConfidentialCounsellor(access: Access): boolean {
  return holds(access, 'confidential');
}

/** The annual report: counsellors (exact numbers), school and board administrators (small numbers hidden). */
export function canSeeCaseReport(access: Access): boolean {
  return holds(access, 'read-case-report') || holds(access, 'confidential');
}

/** A school's complaint routes: its school administrators and the board's administrators (canEditSchool). */
export const canEditRoutes = canEditSchool;
