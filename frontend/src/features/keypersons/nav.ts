import type { TFunction } from 'i18next';
import type { User } from '../../api/types';
import type { KT } from './i18n';
import { canSeeKeyPersons } from './permissions';

/** The key persons' item in the main menu. */
export function keyPersonNavLinks(user: User, translate: TFunction) {
  const t = translate as unknown as KT;
  return [{ to: '/key-persons', label: t('keyPersons.nav'), show: canSeeKeyPersons(user), end: false }];
}
