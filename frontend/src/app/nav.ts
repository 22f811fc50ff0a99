/**
 * The main menu: at most seven sections per role, each a link (when it holds one page) or a
 * disclosure menu of links. The features say which of their pages a user may see (their `nav`
 * modules); this module groups them.
 */
import type { TFunction } from 'i18next';
import type { User } from '../api/types';
import { areaNavLinks } from '../features/areas/nav';
import { complaintsNavLinks } from '../features/complaints/nav';
import { inclusionNavLinks } from '../features/inclusion/nav';
import { indicatorNavLinks } from '../features/indicators/nav';
import { keyPersonNavLinks } from '../features/keypersons/nav';
import { programmesNavLinks } from '../features/programmes/nav';
import type { Access } from '../lib/auth/access';
import {
  canEditRegistry,
  canManageApiClients,
  canManageUsers,
  canSeeAudit,
  canSeeBoards,
  canSeeRegistry,
  canSeeSchools,
  canSeeSyncRuns,
} from '../lib/auth/permissions';
import type { Translate } from '../lib/i18n';

export interface NavLinkItem {
  to: string;
  label: string;
  show: boolean;
  end: boolean;
}

export interface NavSection {
  id: string;
  label: string;
  links: NavLinkItem[];
  /** Pages of the section that the menu does not list (tabs of a listed page), by path prefix. */
  also?: string[];
}

/** The sections of the user's menu, in order; sections without a page for this user are left out. */
export function navSections(access: Access, user: Pick<User, 'memberships'>, translate: TFunction): NavSection[] {
  const t = translate as unknown as Translate<'registry'>;
  const seeRegistry = canSeeRegistry(access);
  const link = (to: string, label: string, show: boolean, end = false): NavLinkItem => ({ to, label, show, end });
  const [mine, regions] = splitAreas(areaNavLinks(access, user, translate));
  const sections: NavSection[] = [
    { id: 'start', label: t('nav.home'), links: [link('/', t('nav.home'), true, true)] },
    {
      id: 'organisation',
      label: t('nav.sections.organisation'),
      links: [
        link('/boards', t('nav.boards'), canSeeBoards(access)),
        link('/schools', t('nav.schools'), canSeeSchools(access)),
        link('/partners', t('registry.nav.partners'), seeRegistry),
        link('/partnerships', t('registry.nav.partnerships'), seeRegistry),
        link('/people', t('registry.nav.people'), seeRegistry),
        link('/who', t('registry.nav.who'), seeRegistry),
      ],
      also: ['/role-assignments'],
    },
    { id: 'keypersons', label: t('nav.sections.keyPersons'), links: keyPersonNavLinks(access, translate) },
    {
      id: 'complaints',
      label: t('nav.sections.complaints'),
      links: complaintsNavLinks(access, translate),
      also: ['/external-bodies', '/confidential-cases'],
    },
    {
      id: 'monitoring',
      label: t('nav.sections.monitoring'),
      links: [link('/gaps', t('registry.nav.gaps'), seeRegistry), ...indicatorNavLinks(access, translate)],
    },
    {
      id: 'region',
      label: t('nav.sections.region'),
      links: [...mine, ...inclusionNavLinks(access, translate), ...programmesNavLinks(access, translate), ...regions],
      also: ['/gebied'],
    },
    {
      id: 'admin',
      label: t('nav.sections.admin'),
      links: [
        link('/catalogue', t('registry.nav.catalogue'), seeRegistry),
        link('/import', t('registry.nav.import'), canEditRegistry(access)),
        link('/synchronisaties', t('nav.syncRuns'), canSeeSyncRuns(access)),
        link('/users', t('nav.users'), canManageUsers(access)),
        link('/api-clients', t('nav.apiClients'), canManageApiClients(access)),
        link('/audit', t('nav.audit'), canSeeAudit(access)),
      ],
    },
  ];
  return sections
    .map((section) => ({ ...section, links: section.links.filter((l) => l.show) }))
    .filter((section) => section.links.length > 0);
}

/** The areas' links: the user's own area(s) first, the regions' administration last. */
function splitAreas(links: NavLinkItem[]): [NavLinkItem[], NavLinkItem[]] {
  return [links.slice(0, -1), links.slice(-1)];
}

function under(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The section that the page at `pathname` belongs to, if the menu has one. */
export function currentSection(sections: NavSection[], pathname: string): string | undefined {
  return sections.find(
    (s) => s.links.some((l) => (l.end ? pathname === l.to : under(pathname, l.to))) || (s.also ?? []).some((p) => under(pathname, p)),
  )?.id;
}
