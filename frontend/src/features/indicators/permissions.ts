/** Who may see and enter what of the indicators (the API decides; these only shape the screens). */
import type { User } from '../../api/types';
import { canEditRegistry, canSeeRegistry } from '../auth/permissions';

/** The dashboard: anyone who can read the registry, region contacts included. */
export function canSeeIndicators(user: User): boolean {
  return canSeeRegistry(user);
}

/** Region contacts read region and board figures only: no schools, no comparison, no entry. */
export function isRegionOnly(user: User): boolean {
  return !user.isPlatformAdmin && user.memberships.length > 0 && user.memberships.every((m) => m.role === 'region-contact');
}

/** Whether to offer "enter a value" and the export of measurements. */
export function canEnterMeasurements(user: User): boolean {
  return !isRegionOnly(user) && canEditRegistry(user);
}
