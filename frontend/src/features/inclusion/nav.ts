import type { TFunction } from 'i18next';
import type { Access } from '../../lib/auth/access';
import { type Translate } from '../../lib/i18n';
import { INCLUSION_PATH } from './paths';
import { canSeeInclusion } from './permissions';

/** The inclusion item in the main menu ("Inclusief werkgeverschap"), for the boards' and schools' staff. */
export function inclusionNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as Translate<'inclusion'>;
  return [{ to: INCLUSION_PATH, label: t('inclusion.nav'), show: canSeeInclusion(access), end: false }];
}
