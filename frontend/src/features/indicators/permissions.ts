/** Who may see and enter what of the indicators (the API decides; these only shape the screens). */
import { can, holds, type Access } from '../../lib/auth/access';
import { canEditRegistry, canEditSchool, canEditSchoolRecords, canSeeRegistry } from '../../lib/auth/permissions';

/** The dashboard: anyone who can read the registry, region contacts included. */
export function canSeeIndicators(access: Access): boolean {
  return canSeeRegistry(access) || holds(access, 'read-region');
}

/** Those who read regions only (region contacts) see region and board figures: no schools, no comparison, no entry. */
export function isRegionOnly(access: Access): boolean {
  return holds(access, 'read-region') && !holds(access, 'read');
}

/** A board's schools side by side: for readers at the board itself (the API answers 404 to others). */
export function canCompareSchoolsOf(access: Access, boardId: number): boolean {
  return can(access, 'read', { boardId });
}

/** Whether to offer "enter a value" and the export of measurements. */
export function canEnterMeasurements(access: Access): boolean {
  return !isRegionOnly(access) && canEditRegistry(access);
}

/** A measurement's scope: a school, or a board as a whole. */
export type EntryScope = { kind: 'school'; id: number; boardId: number } | { kind: 'board'; id: number };

/** Entering a value for this school or board: its editors, as the API's "edit". */
export function canEnterFor(access: Access, scope: EntryScope): boolean {
  return scope.kind === 'school'
    ? canEditSchoolRecords(access, { boardId: scope.boardId, schoolId: scope.id })
    : canEditSchoolRecords(access, { boardId: scope.id, schoolId: null });
}

/** Setting a target: "manage school" at the school, or at the board itself for a board's target (as the API). */
export function canSetTargetFor(access: Access, scope: EntryScope): boolean {
  return scope.kind === 'school'
    ? canEditSchool(access, { id: scope.id, boardId: scope.boardId })
    : can(access, 'manage-school', { boardId: scope.id });
}
