import type { TFunction } from 'i18next';
import type { Access } from '../../lib/auth/access';
import { type Translate } from '../../lib/i18n';
import { canSeeKeyPersons } from './permissions';

/** The key persons' item in the main menu. */
export function keyPersonNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as Translate<'keypersons'>;
  return [{ to: '/key-persons', label: t('keyPersons.nav'), show: canSeeKeyPersons(access), end: false }];
}
