/** Who may see and change what of key persons (the API decides; these only shape the screens). */
import type { User } from '../../api/types';
import { canEditRegistry, canEditSchoolRecords } from '../auth/permissions';

/** Key persons are a volunteer's personal arrangements: the board's and schools' staff, never a region. */
export function canSeeKeyPersons(user: User): boolean {
  return user.isPlatformAdmin || user.memberships.some((m) => m.role !== 'region-contact');
}

/** Whether to offer "new agreement", "new activity" and the like at all. */
export function canEditKeyPersons(user: User): boolean {
  return canSeeKeyPersons(user) && canEditRegistry(user);
}

/** An agreement, its payments and its listing: an editor of every school it names (or of the board). */
export function canEditAgreement(user: User, agreement: { boardId: number; schools: { id: number }[] }): boolean {
  return (
    agreement.schools.length > 0 &&
    agreement.schools.every((s) => canEditSchoolRecords(user, { boardId: agreement.boardId, schoolId: s.id }))
  );
}

/** The allowance maxima are corrected by platform administrators only. */
export function canManageAllowanceRules(user: User): boolean {
  return user.isPlatformAdmin;
}

/**
 * The benefit type (uitkering) is for the board's administrators and the key person's contact point
 * (the contact point's person record shares the login's e-mail address).
 */
export function mayRecordBenefit(user: User, boardId: number | undefined, contactPointEmail?: string | null): boolean {
  if (boardId === undefined) return false;
  const boardAdmin = user.memberships.some((m) => m.role === 'board-admin' && m.boardId === boardId);
  const contactPoint = !!contactPointEmail && contactPointEmail.trim().toLowerCase() === user.email.toLowerCase();
  return boardAdmin || contactPoint;
}
