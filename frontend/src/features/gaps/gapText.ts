/**
 * Gaps in plain language: the API names each gap by its `kind` and subject; the text is put
 * together here, in the user's language (the API's own `message` is English and only shown to
 * English readers of kinds this screen does not know yet).
 */
import { ROUTE_GAP, routeGapLink, routeGapLinkText, routeGapText, routeGapTitle } from '../complaints/gapText';
import { inclusionGapLink, inclusionGapLinkText, inclusionGapText, inclusionGapTitle } from '../inclusion/gapText';
import { programmeGapText, programmeGapTitle } from '../programmes/gapText';
import { keyPersonGapLink, keyPersonGapLinkText, keyPersonGapText, keyPersonGapTitle } from '../keypersons/gapText';
import { formatDate } from '../../lib/format';
import type { RT } from '../../lib/i18n';
import { GAP_KINDS, type Gap, type GapKind } from '../../api/registryTypes';

export interface GapTextContext {
  /** The name of a role type (by code) in the user's language. */
  roleName: (code: string) => string;
  language: string;
}

export function isKnownKind(kind: string): kind is GapKind {
  return (GAP_KINDS as readonly string[]).includes(kind);
}

/**
 * The person in a role assignment's subject: the API names it "Karin Bos (Key-person supervisor)".
 */
export function subjectPerson(gap: Gap): string {
  if (gap.subject.type !== 'role-assignment') return gap.subject.name;
  const match = /^(.*?)\s*\([^()]*\)$/.exec(gap.subject.name);
  return match?.[1] || gap.subject.name;
}

/** A catalogue name inside a sentence: "Aanspreekpunt pesten" → "aanspreekpunt pesten" (but "IB'er" stays). */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A short title for the kind of gap ("Wettelijke rol ontbreekt"). */
export function gapTitle(gap: Gap, t: RT): string {
  if (gap.kind === ROUTE_GAP) return routeGapTitle(t);
  return isKnownKind(gap.kind)
    ? t(`gaps.kinds.${gap.kind}.title`)
    : (keyPersonGapTitle(gap, t) ?? inclusionGapTitle(gap, t) ?? programmeGapTitle(gap, t) ?? t('gaps.unknownTitle'));
}

/** The sentence that says what is wrong, e.g. "SBO De Wending heeft geen interne vertrouwenspersoon." */
export function gapText(gap: Gap, t: RT, ctx: GapTextContext): string {
  const details = gap.details as Record<string, string | undefined>;
  const role = details.role ? inSentence(ctx.roleName(details.role)) : '';
  const school = gap.schoolName ?? gap.subject.name;
  const date = (value: string | undefined) => formatDate(value ?? '', ctx.language);
  switch (gap.kind) {
    case 'statutory-role-missing':
    case 'recommended-role-missing':
      return t(`gaps.kinds.${gap.kind}.text`, { school: gap.subject.name, role });
    case 'no-internal-contact':
    case 'single-internal-contact':
      return t(`gaps.kinds.${gap.kind}.text`, { partner: gap.subject.name, school });
    case 'supervisor-without-hours':
    case 'role-without-hours':
      return t(`gaps.kinds.${gap.kind}.text`, { person: subjectPerson(gap), role });
    case 'expired':
      return t('gaps.kinds.expired.text', { partner: gap.subject.name, date: date(details.endDate) });
    case 'review-overdue':
      return t('gaps.kinds.review-overdue.text', { partner: gap.subject.name, date: date(details.reviewDate) });
    case 'expiring':
      return gap.subject.type === 'role-assignment'
        ? t('gaps.kinds.expiring.textRole', { person: subjectPerson(gap), role, date: date(details.endsOn) })
        : t('gaps.kinds.expiring.text', { partner: gap.subject.name, date: date(details.endDate) });
    case ROUTE_GAP:
      return routeGapText(gap, t, role);
    default:
      // A kind added to the API later: the English message is fine for English readers only.
      return (
        keyPersonGapText(gap, t, ctx.language) ??
        inclusionGapText(gap, t, ctx.language) ??
        programmeGapText(gap, t) ??
        (ctx.language === 'en' ? gap.message : t('gaps.unknownText', { subject: gap.subject.name }))
      );
  }
}

/** Where to fix it: the partnership, the school's role matrix, or the role assignment. */
export function gapLink(gap: Gap): string | null {
  if (gap.kind === ROUTE_GAP) return routeGapLink(gap);
  switch (gap.subject.type) {
    case 'partnership':
      return `/partnerships/${gap.subject.id}`;
    case 'school':
      return `/who/roles?schoolId=${gap.subject.id}`;
    case 'role-assignment':
      return `/role-assignments/${gap.subject.id}`;
    default:
      return keyPersonGapLink(gap) ?? inclusionGapLink(gap);
  }
}

/** The text of that link, naming its target. */
export function gapLinkText(gap: Gap, t: RT): string {
  if (gap.kind === ROUTE_GAP) return routeGapLinkText(gap, t);
  switch (gap.subject.type) {
    case 'partnership':
      return t('gaps.links.partnership', { name: gap.subject.name });
    case 'school':
      return t('gaps.links.school', { name: gap.subject.name });
    case 'role-assignment':
      return t('gaps.links.roleAssignment', { name: subjectPerson(gap) });
    default:
      return keyPersonGapLinkText(gap, t) ?? inclusionGapLinkText(gap, t) ?? gap.subject.name;
  }
}
