/** The complaint routes' gap (`route-role-unfilled`): its text and the link to the route editor. */
import type { RT } from '../../lib/i18n';
import type { Gap } from '../../api/registryTypes';
import { type Translate } from '../../lib/i18n';
import { isArea } from './types';

export const ROUTE_GAP = 'route-role-unfilled';

export function routeGapTitle(t: RT): string {
  return (t as unknown as Translate<'complaints'>)('complaints.gap.title');
}

export function routeGapText(gap: Gap, t: RT, role: string): string {
  const areas = (gap.details.areas ?? '').split(',').filter(Boolean);
  return (t as unknown as Translate<'complaints'>)('complaints.gap.text', { school: gap.schoolName ?? gap.subject.name, role, count: areas.length });
}

/** The route editor at the school, on the first subject whose route names the role. */
export function routeGapLink(gap: Gap): string {
  const area = (gap.details.areas ?? '').split(',').find(isArea);
  return `/complaint-routes?schoolId=${gap.subject.id}${area ? `&area=${area}` : ''}`;
}

export function routeGapLinkText(gap: Gap, t: RT): string {
  return (t as unknown as Translate<'complaints'>)('complaints.gap.link', { name: gap.subject.name });
}
