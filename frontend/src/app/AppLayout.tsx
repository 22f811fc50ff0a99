import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAccess, useAuth, useUser } from '../lib/auth/AuthProvider';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { MainNav } from './MainNav';
import { navSections } from './nav';

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

  const sections = navSections(access, user, t);

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
          <MainNav sections={sections} label={t('app.mainNav')} />
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
