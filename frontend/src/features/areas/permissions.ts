/**
 * Who sees which area dashboard, and who keeps the regions (the API decides; these only shape the
 * screens, from the session's `access`, and know no role names).
 */
import type { User } from '../../api/types';
import { holds, municipalitiesWith, regionsWith, scopeLabel, type Access } from '../../lib/auth/access';
import { areaPath, AREA_CHOOSER_PATH } from './paths';
import type { AreaType } from './types';

export interface AreaLink {
  type: AreaType;
  id: number;
  /** The area's name, from the user's memberships. */
  name: string;
  to: string;
}

/** The municipalities and regions the user reads in aggregate (their own, as contact point), municipalities first. */
export function ownAreas(access: Access, user: Pick<User, 'memberships'>): AreaLink[] {
  const out: AreaLink[] = [];
  for (const id of municipalitiesWith(access, 'read-region')) {
    out.push({ type: 'municipality', id, name: scopeLabel(user, 'municipality', id), to: areaPath('municipality', id) });
  }
  for (const id of regionsWith(access, 'read-region')) {
    out.push({ type: 'region', id, name: scopeLabel(user, 'region', id), to: areaPath('region', id) });
  }
  return out;
}

/** An area dashboard: for its contact points (the API answers 404 for other areas) and the platform administrator. */
export function canSeeAreaDashboards(access: Access): boolean {
  return access.platformAdmin || holds(access, 'read-region');
}

/** Regions of every kind and their municipalities are kept by the platform administrator. */
export function canManageRegions(access: Access): boolean {
  return access.platformAdmin;
}

/** Where "my area" leads: the one dashboard, or the chooser when there are several (null: none). */
export function ownAreaTarget(areas: AreaLink[]): { to: string; kind: 'municipality' | 'region' | 'several' } | null {
  if (areas.length === 0) return null;
  if (areas.length === 1) return { to: areas[0]!.to, kind: areas[0]!.type };
  return { to: AREA_CHOOSER_PATH, kind: 'several' };
}
