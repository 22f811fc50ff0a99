/**
 * Who sees and keeps what of inclusive employment (the API decides; these only shape the screens,
 * from the session's `access`, and know no role names).
 */
import { boardsWith, can, holds, regionsWith, type Access } from '../../lib/auth/access';

/** The tracks: the boards' and schools' staff (and the platform administrator); region contacts read the area overview only. */
export function canSeeInclusion(access: Access): boolean {
  return access.platformAdmin || holds(access, 'read');
}

/** A board's track, its bottlenecks and its action plan are kept by the board's administrators. */
export function canManageTrack(access: Access, boardId: number): boolean {
  return can(access, 'manage-board', { boardId });
}

/** The boards whose track the user may start (their own boards; the platform administrator's "everywhere" is no list). */
export function boardsToStart(access: Access): number[] {
  return boardsWith(access, 'manage-board');
}

/** A placement: the board's administrators and the administrators of its school. */
export function canEditPlacement(access: Access, scope: { boardId: number; schoolId: number }): boolean {
  return can(access, 'manage-school', scope);
}

/** Whether to offer "new placement" at all: an administrator of the board or of one of its schools. */
export function canAddPlacement(access: Access, boardId: number): boolean {
  return can(access, 'manage-school', { boardId }) || access.schools.some((s) => s.boardId === boardId && s.capabilities.includes('manage-school'));
}

/**
 * The employee's name is recorded by the board's own administrators only (a board-level grant, not
 * the platform administrator: the name is the board's). Reading it is for them and the mentor; the
 * API says per placement (`nameVisible`).
 */
export function mayRecordEmployeeName(access: Access, boardId: number): boolean {
  return boardsWith(access, 'manage-board').includes(boardId);
}

/** A labour-market region's employer service point: the platform administrator and the region's own contacts. */
export function canEditServicePoint(access: Access, regionId: number): boolean {
  return access.platformAdmin || regionsWith(access, 'read-region').includes(regionId);
}
