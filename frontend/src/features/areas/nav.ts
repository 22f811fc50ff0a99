import type { TFunction } from 'i18next';
import type { User } from '../../api/types';
import type { Access } from '../../lib/auth/access';
import { REGIONS_PATH } from './paths';
import { canManageRegions, ownAreas, ownAreaTarget } from './permissions';

/**
 * The areas' items in the main menu: "Mijn gemeente" / "Mijn regio" (or "Mijn gebieden" for
 * several) for contact points, "Regio's" for the platform administrator.
 */
export function areaNavLinks(access: Access, user: Pick<User, 'memberships'>, t: TFunction) {
  const target = ownAreaTarget(ownAreas(access, user));
  const mine = target
    ? [
        {
          to: target.to,
          label: t(target.kind === 'municipality' ? 'nav.myMunicipality' : target.kind === 'region' ? 'nav.myRegion' : 'nav.myAreas'),
          show: true,
          end: false,
        },
      ]
    : [];
  return [...mine, { to: REGIONS_PATH, label: t('nav.regions'), show: canManageRegions(access), end: false }];
}
