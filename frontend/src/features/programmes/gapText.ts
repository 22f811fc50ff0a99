/**
 * The gap of the regional programmes in plain language: a shared partnership with no contact at
 * one of the member boards (`shared-partnership-no-contact`, subject the partnership). Null: not
 * a programme gap. The link is the partnership's own (the gaps dashboard's default).
 */
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';
import { type Translate } from '../../lib/i18n';

export const SHARED_NO_CONTACT = 'shared-partnership-no-contact';

export function programmeGapTitle(gap: Gap, translate: RT): string | null {
  return gap.kind === SHARED_NO_CONTACT ? (translate as unknown as Translate<'programmes'>)('programmes.gaps.title') : null;
}

export function programmeGapText(gap: Gap, translate: RT): string | null {
  if (gap.kind !== SHARED_NO_CONTACT) return null;
  const d = gap.details as Record<string, string | undefined>;
  return (translate as unknown as Translate<'programmes'>)('programmes.gaps.text', { partner: gap.subject.name, programme: d.programme ?? '' });
}
