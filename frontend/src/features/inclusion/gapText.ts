/**
 * The gaps of inclusive employment in plain language (the gaps dashboard asks here for the kinds it
 * does not know itself), with a link to the track. Null: not an inclusion gap. A placement is named
 * by its number and school, never by its employee.
 */
import { formatDate } from '../../lib/format';
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';
import { type Translate } from '../../lib/i18n';
import { trackPath } from './paths';
import { isPhase } from './types';

export const INCLUSION_GAP_KINDS = [
  'placement-without-mentor',
  'mentor-without-hours',
  'inclusion-register-check-missing',
  'inclusion-action-overdue',
  'inclusion-track-stalled',
] as const;
type Kind = (typeof INCLUSION_GAP_KINDS)[number];

function kindOf(gap: Gap): Kind | null {
  return (INCLUSION_GAP_KINDS as readonly string[]).includes(gap.kind) ? (gap.kind as Kind) : null;
}

/** The job of a subject named "Placement 2: Onderwijsassistent". */
function jobOf(gap: Gap): string {
  return /^[^:]*:\s*(.+)$/.exec(gap.subject.name)?.[1] ?? gap.subject.name;
}

export function inclusionGapTitle(gap: Gap, translate: RT): string | null {
  const kind = kindOf(gap);
  return kind ? (translate as unknown as Translate<'inclusion'>)(`inclusion.gaps.${kind}.title`) : null;
}

export function inclusionGapText(gap: Gap, translate: RT, language: string): string | null {
  const t = translate as unknown as Translate<'inclusion'>;
  const d = gap.details as Record<string, string | undefined>;
  const placement = { number: d.number ?? '', school: gap.schoolName ?? '', job: jobOf(gap) };
  switch (kindOf(gap)) {
    case 'placement-without-mentor':
      return t('inclusion.gaps.placement-without-mentor.text', placement);
    case 'mentor-without-hours':
      return t('inclusion.gaps.mentor-without-hours.text', placement);
    case 'inclusion-register-check-missing':
      return d.checkedOn
        ? t('inclusion.gaps.inclusion-register-check-missing.textStale', { ...placement, date: formatDate(d.checkedOn, language) })
        : t('inclusion.gaps.inclusion-register-check-missing.text', placement);
    case 'inclusion-action-overdue':
      return t('inclusion.gaps.inclusion-action-overdue.text', { title: gap.subject.name, date: formatDate(d.dueOn ?? '', language) });
    case 'inclusion-track-stalled':
      return t('inclusion.gaps.inclusion-track-stalled.text', {
        board: gap.subject.name,
        date: formatDate(d.since ?? '', language),
        phase: isPhase(d.phase) ? t(`inclusion.phases.names.${d.phase}`).toLowerCase() : (d.phase ?? ''),
      });
    default:
      return null;
  }
}

function trackIdOf(gap: Gap): number | null {
  const id = Number(gap.details.trackId ?? (gap.subject.type === 'inclusion-track' ? gap.subject.id : NaN));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The track, at the section that needs the attention. */
export function inclusionGapLink(gap: Gap): string | null {
  const kind = kindOf(gap);
  const trackId = trackIdOf(gap);
  if (!kind || trackId === null) return null;
  if (gap.subject.type === 'inclusion-placement') return trackPath(trackId, 'plaatsingen');
  if (gap.subject.type === 'inclusion-action') return trackPath(trackId, 'actieplan');
  return trackPath(trackId, 'fasen');
}

export function inclusionGapLinkText(gap: Gap, translate: RT): string | null {
  const t = translate as unknown as Translate<'inclusion'>;
  if (!kindOf(gap)) return null;
  if (gap.subject.type === 'inclusion-placement') return t('inclusion.gaps.links.placements');
  if (gap.subject.type === 'inclusion-action') return t('inclusion.gaps.links.actions');
  return t('inclusion.gaps.links.track', { board: gap.subject.name });
}
