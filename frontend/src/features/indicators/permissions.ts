/** Who may see and enter what of the indicators (the API decides; these only shape the screens). */
import type { User } from '../../api/types';
import { canEditBoard, canEditRegistry, canEditSchool, canEditSchoolRecords, canSeeRegistry } from '../auth/permissions';

/** The dashboard: anyone who can read the registry, region contacts included. */
export function canSeeIndicators(user: User): boolean {
  return canSeeRegistry(user);
}

/** Region contacts read region and board figures only: no schools, no comparison, no entry. */
export function isRegionOnly(user: User): boolean {
  return !user.isPlatformAdmin && user.memberships.length > 0 && user.memberships.every((m) => m.role === 'region-contact');
}

/** A board's schools side by side: for the board's own staff (the API answers 404 to others). */
export function canCompareSchoolsOf(user: User, boardId: number): boolean {
  return (
    user.isPlatformAdmin ||
    user.memberships.some((m) => m.scopeType === 'board' && m.boardId === boardId && m.role !== 'region-contact')
  );
}

/** Whether to offer "enter a value" and the export of measurements. */
export function canEnterMeasurements(user: User): boolean {
  return !isRegionOnly(user) && canEditRegistry(user);
}

/** A measurement's scope: a school, or a board as a whole. */
export type EntryScope = { kind: 'school'; id: number; boardId: number } | { kind: 'board'; id: number };

/** Entering a value for this school or board: its editors (administrators, coordinators), as the API's "edit". */
export function canEnterFor(user: User, scope: EntryScope): boolean {
  return scope.kind === 'school'
    ? canEditSchoolRecords(user, { boardId: scope.boardId, schoolId: scope.id })
    : canEditSchoolRecords(user, { boardId: scope.id, schoolId: null });
}

/** Setting a target: the school's administrators and the board's (the API's "manage school"). */
export function canSetTargetFor(user: User, scope: EntryScope): boolean {
  return scope.kind === 'school' ? canEditSchool(user, { id: scope.id, boardId: scope.boardId }) : canEditBoard(user, scope.id);
}
