import type { TFunction } from 'i18next';
import type { Access } from '../../lib/auth/access';
import { type Translate } from '../../lib/i18n';
import { PROGRAMMES_PATH } from './paths';
import { canSeeProgrammes } from './permissions';

/** The programmes item in the main menu ("Regionale programma's"). */
export function programmesNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as Translate<'programmes'>;
  return [{ to: PROGRAMMES_PATH, label: t('programmes.nav'), show: canSeeProgrammes(access), end: false }];
}
