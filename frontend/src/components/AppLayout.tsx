import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { areaNavLinks } from '../features/areas/nav';
import { useAccess, useAuth, useUser } from '../features/auth/AuthProvider';
import { canManageApiClients, canManageUsers, canSeeAudit, canSeeBoards, canSeeSchools, canSeeSyncRuns } from '../features/auth/permissions';
import { keyPersonNavLinks } from '../features/keypersons/nav';
import { complaintsNavLinks } from '../features/complaints/nav';
import { inclusionNavLinks } from '../features/inclusion/nav';
import { indicatorNavLinks } from '../features/indicators/nav';
import { programmesNavLinks } from '../features/programmes/nav';
import { registryNavLinks } from '../features/registry/nav';
import { LanguageSwitcher } from './LanguageSwitcher';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const access = useAccess();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const lastPath = useRef(location.pathname);
  const fetching = useIsFetching() > 0;

  // After navigating, close the mobile menu and move focus to the new page's content.
  useEffect(() => {
    setMenuOpen(false);
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  async function onLogout() {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
      navigate('/login', { replace: true });
    }
  }

  const links = [
    { to: '/', label: t('nav.home'), show: true, end: true },
    ...areaNavLinks(access, user, t),
    { to: '/boards', label: t('nav.boards'), show: canSeeBoards(access), end: false },
    { to: '/schools', label: t('nav.schools'), show: canSeeSchools(access), end: false },
    ...registryNavLinks(access, t),
    ...keyPersonNavLinks(access, t),
    ...complaintsNavLinks(access, t),
    ...indicatorNavLinks(access, t),
    ...inclusionNavLinks(access, t),
    ...programmesNavLinks(access, t),
    { to: '/audit', label: t('nav.audit'), show: canSeeAudit(access), end: false },
    { to: '/users', label: t('nav.users'), show: canManageUsers(access), end: false },
    { to: '/api-clients', label: t('nav.apiClients'), show: canManageApiClients(access), end: false },
    { to: '/synchronisaties', label: t('nav.syncRuns'), show: canSeeSyncRuns(access), end: false },
  ].filter((l) => l.show);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-bar">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="button menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">☰ </span>
            {t('app.menu')}
          </button>
        </div>
        <div id="site-menu" className={menuOpen ? 'site-menu open' : 'site-menu'}>
          <nav className="main-nav" aria-label={t('app.mainNav')}>
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <span className="user-name" data-testid="user-name">
              <span className="visually-hidden">{t('app.loggedInAs')} </span>
              <Link to="/account" title={t('accounts.settings.title')}>
                {user.name}
              </Link>
            </span>
            <LanguageSwitcher />
            <button type="button" className="button" onClick={() => void onLogout()} disabled={loggingOut}>
              {t('app.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container" aria-busy={fetching}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
