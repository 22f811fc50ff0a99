import type { TFunction } from 'i18next';
import type { User } from '../../api/types';
import type { IT } from './i18n';
import { canSeeIndicators } from './permissions';

/** The indicators' item in the main menu. */
export function indicatorNavLinks(user: User, translate: TFunction) {
  const t = translate as unknown as IT;
  return [{ to: '/indicators', label: t('indicators.nav'), show: canSeeIndicators(user), end: false }];
}
