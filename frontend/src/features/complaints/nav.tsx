/** The complaint routes' items in the main menu, and the tabs between their pages. */
import type { TFunction } from 'i18next';
import { NavLink } from 'react-router';
import type { Access } from '../../lib/auth/access';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeCaseReport, canSeeRegistry, isConfidentialCounsellor } from '../../lib/auth/permissions';
import { type Translate, useT } from '../../lib/i18n';

export function complaintsNavLinks(access: Access, translate: TFunction) {
  const t = translate as unknown as Translate<'complaints'>;
  const counsellor = isConfidentialCounsellor(access);
  return [
    { to: '/complaint-routes', label: t('complaints.nav.routes'), show: canSeeRegistry(access), end: false },
    {
      to: counsellor ? '/confidential-cases' : '/confidential-cases/report',
      label: t('complaints.nav.confidential'),
      show: canSeeCaseReport(access),
      end: false,
    },
  ];
}

/** Tabs between the routes, the external bodies, the register (counsellors) and the annual report. */
export function ComplaintsTabs() {
  const { t } = useT('complaints');
  const access = useAccess();
  const tabs = [
    { to: '/complaint-routes', label: t('complaints.tabs.routes'), show: true },
    { to: '/external-bodies', label: t('complaints.tabs.bodies'), show: true },
    { to: '/confidential-cases', label: t('complaints.tabs.cases'), show: isConfidentialCounsellor(access), end: true },
    { to: '/confidential-cases/report', label: t('complaints.tabs.report'), show: canSeeCaseReport(access) },
  ].filter((tab) => tab.show);
  return (
    <nav className="view-tabs no-print" aria-label={t('complaints.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
