import type { TFunction } from 'i18next';
import type { Access } from '../lib/auth/access';
import { canEditRegistry, canSeeRegistry } from '../lib/auth/permissions';
import type { RT } from '../lib/i18n';

/** The registry's items in the main menu, after "Schools". */
export function registryNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as RT;
  const show = canSeeRegistry(access);
  return [
    { to: '/gaps', label: t('registry.nav.gaps'), show, end: false },
    { to: '/partners', label: t('registry.nav.partners'), show, end: false },
    { to: '/partnerships', label: t('registry.nav.partnerships'), show, end: false },
    { to: '/people', label: t('registry.nav.people'), show, end: false },
    { to: '/who', label: t('registry.nav.who'), show, end: false },
    { to: '/catalogue', label: t('registry.nav.catalogue'), show, end: false },
    { to: '/import', label: t('registry.nav.import'), show: canEditRegistry(access), end: false },
  ];
}
