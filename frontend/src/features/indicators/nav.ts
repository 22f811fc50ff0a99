import type { TFunction } from 'i18next';
import type { Access } from '../auth/access';
import type { IT } from './i18n';
import { canSeeIndicators } from './permissions';

/** The indicators' item in the main menu. */
export function indicatorNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as IT;
  return [{ to: '/indicators', label: t('indicators.nav'), show: canSeeIndicators(access), end: false }];
}
