import { NavLink } from 'react-router';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useT } from '../../lib/i18n';
import { canEditKeyPersons } from './permissions';
import './keypersons.css';

const TABS = [
  { to: '/key-persons/agreements', key: 'agreements' },
  { to: '/key-persons/activities', key: 'activities' },
  { to: '/key-persons/listings', key: 'listings' },
  { to: '/key-persons/calculator', key: 'calculator' },
  { to: '/key-persons/rules', key: 'rules' },
] as const;

/** The parts of the key persons' section, as tabs above each of its pages. */
export function KeyPersonTabs() {
  const { t } = useT('keypersons');
  const access = useAccess();
  const tabs = TABS.filter((tab) => tab.key !== 'listings' || canEditKeyPersons(access));
  return (
    <nav className="view-tabs no-print" aria-label={t('keyPersons.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <NavLink to={tab.to}>{t(`keyPersons.tabs.${tab.key}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
