import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Membership } from '../../api/types';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Attention } from './Attention';
import { RecentChanges } from './RecentChanges';
import { areaPath } from '../areas/paths';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canManageApiClients, canManageUsers, canSeeAudit, canSeeBoards, canSeeSchools } from '../../lib/auth/permissions';

function scopeLink(m: Membership): string | null {
  if (m.scopeType === 'board' && m.boardId != null) return `/boards/${m.boardId}`;
  if (m.scopeType === 'school' && m.schoolId != null) return `/schools/${m.schoolId}`;
  if (m.scopeType === 'region' && m.regionId != null) return areaPath('region', m.regionId);
  if (m.scopeType === 'municipality' && m.municipalityId != null) return areaPath('municipality', m.municipalityId);
  return null;
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const access = useAccess();
  useDocumentTitle(t('nav.home'));

  const quickLinks = [
    { to: '/boards', label: t('nav.boards'), show: canSeeBoards(access) },
    { to: '/schools', label: t('nav.schools'), show: canSeeSchools(access) },
    { to: '/audit', label: t('nav.audit'), show: canSeeAudit(access) },
    { to: '/users', label: t('nav.users'), show: canManageUsers(access) },
    { to: '/api-clients', label: t('nav.apiClients'), show: canManageApiClients(access) },
  ].filter((l) => l.show);

  return (
    <>
      <h1>{t('home.title', { name: user.name })}</h1>
      <p className="lead">{t('home.intro')}</p>
      {access.platformAdmin && (
        <p className="alert alert-info">
          <strong>{t('roles.platformAdmin')}.</strong> {t('home.platformAdmin')}
        </p>
      )}
      <Attention />
      <RecentChanges />
      <section aria-labelledby="home-scopes">
        <h2 id="home-scopes">{t('home.scopes')}</h2>
        {user.memberships.length === 0 ? (
          <p>{t('home.noScopes')}</p>
        ) : (
          <ul className="cards">
            {user.memberships.map((m) => {
              const link = scopeLink(m);
              return (
                <li key={m.id} className="card">
                  <p className="card-kicker">{t(`scopeTypes.${m.scopeType}`)}</p>
                  <h3 className="card-title">{link ? <Link to={link}>{m.scopeName}</Link> : m.scopeName}</h3>
                  <p className="card-meta">{t(`roles.${m.role}`)}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {quickLinks.length > 0 && (
        <section aria-labelledby="home-links">
          <h2 id="home-links">{t('home.quickLinks')}</h2>
          <ul className="link-list">
            {quickLinks.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
