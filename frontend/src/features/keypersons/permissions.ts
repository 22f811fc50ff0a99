/** Who may see and change what of key persons (the API decides; these only shape the screens). */
import type { User } from '../../api/types';
import { can, holds, type Access } from '../../lib/auth/access';
import { canEditRegistry, canEditSchoolRecords } from '../../lib/auth/permissions';

/** Key persons are a volunteer's personal arrangements: the board's and schools' staff, never a region. */
export function canSeeKeyPersons(access: Access): boolean {
  return holds(access, 'read');
}

/** Whether to offer "new agreement", "new activity" and the like at all. */
export function canEditKeyPersons(access: Access): boolean {
  return canSeeKeyPersons(access) && canEditRegistry(access);
}

/** An agreement, its payments and its listing: an editor of every school it names (or of the board). */
export function canEditAgreement(access: Access, agreement: { boardId: number; schools: { id: number }[] }): boolean {
  return (
    agreement.schools.length > 0 &&
    agreement.schools.every((s) => canEditSchoolRecords(access, { boardId: agreement.boardId, schoolId: s.id }))
  );
}

/** The allowance maxima are corrected by platform administrators only. */
export function canManageAllowanceRules(access: Access): boolean {
  return access.platformAdmin;
}

/**
 * The benefit type (uitkering): for those who may read it at the board, and for the key person's
 * contact point (the contact point's person record shares the login's e-mail address).
 */
export function mayRecordBenefit(
  access: Access,
  user: Pick<User, 'email'>,
  boardId: number | undefined,
  contactPointEmail?: string | null,
): boolean {
  if (boardId === undefined) return false;
  const contactPoint = !!contactPointEmail && contactPointEmail.trim().toLowerCase() === user.email.toLowerCase();
  return can(access, 'read-benefit', { boardId }) || contactPoint;
}
