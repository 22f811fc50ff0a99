import type { TFunction } from 'i18next';
import type { Access } from '../auth/access';
import type { PT } from './i18n';
import { PROGRAMMES_PATH } from './paths';
import { canSeeProgrammes } from './permissions';

/** The programmes item in the main menu ("Regionale programma's"). */
export function programmesNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as PT;
  return [{ to: PROGRAMMES_PATH, label: t('programmes.nav'), show: canSeeProgrammes(access), end: false }];
}
