import type { TFunction } from 'i18next';
import type { Access } from '../../lib/auth/access';
import { type Translate } from '../../lib/i18n';
import { canSeeIndicators } from './permissions';

/** The indicators' item in the main menu. */
export function indicatorNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as Translate<'indicators'>;
  return [{ to: '/indicators', label: t('indicators.nav'), show: canSeeIndicators(access), end: false }];
}
