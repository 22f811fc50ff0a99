import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';

/** The frame of the pages reached from a mail (no session: nobody is logged in there). */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="login-shell">
      <header className="login-header">
        <span className="brand">
          <span className="brand-mark" />
          {t('app.name')}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="container narrow" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
