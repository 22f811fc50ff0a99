/**
 * Who sees what of the regional programmes (the API decides, per programme: `canEdit`, and 404 for
 * a board that is no member); these only shape the screens, from the session's `access`.
 */
import { canInBoard, holds, regionsWith, type Access } from '../../lib/auth/access';

/** The menu item: the boards' and schools' staff with edit rights, the platform administrator and region contacts. */
export function canSeeProgrammes(access: Access): boolean {
  return access.platformAdmin || holds(access, 'edit') || regionsWith(access, 'read-region').length > 0;
}

/** A board's own staff (edit rights in the board) enter its figures and name its contact. */
export function isOwnBoard(access: Access, boardId: number): boolean {
  return canInBoard(access, 'edit', boardId);
}

/** The programme's keepers enter any participating board's figures; a member board's staff its own. */
export function canEnterResults(access: Access, boardId: number, keeper: boolean): boolean {
  return keeper || isOwnBoard(access, boardId);
}
