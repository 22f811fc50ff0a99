import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserAccount } from '../../api/types';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canManageUsers } from '../../lib/auth/permissions';
import { useUserAccounts } from './api';
import { StatusBadge } from './StatusBadge';

/** At most this many roles per user in the list; the rest is counted. */
const ROLES_SHOWN = 3;

function RolesSummary({ account }: { account: UserAccount }) {
  const { t } = useTranslation();
  const memberships = account.memberships ?? [];
  if (memberships.length === 0) {
    return <span className="muted">{account.isPlatformAdmin ? t('roles.platformAdmin') : t('users.noRoles')}</span>;
  }
  const shown = memberships.slice(0, ROLES_SHOWN);
  const more = memberships.length - shown.length;
  return (
    <ul className="plain-list">
      {account.isPlatformAdmin && <li>{t('roles.platformAdmin')}</li>}
      {shown.map((m) => (
        <li key={m.id}>
          {t(`roles.${m.role}`)} <span className="muted">· {m.scopeName ?? t(`scopeTypes.${m.scopeType}`)}</span>
        </li>
      ))}
      {more > 0 && <li className="muted">{t('users.moreRoles', { count: more })}</li>}
    </ul>
  );
}

export function UsersListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const allowed = canManageUsers(access);
  const { params, update } = useListParams([], 'name');
  useDocumentTitle(t('users.title'));
  const query = useUserAccounts({ page: params.page, pageSize: params.pageSize, sort: params.sort, q: params.q }, allowed);

  if (!allowed) {
    return (
      <>
        <h1>{t('users.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <div className="actions">
          <Link to="/users/invite" className="button button-primary">
            {t('accounts.invite.title')}
          </Link>
          <Link to="/users/new" className="button">
            {t('users.new')}
          </Link>
        </div>
      </div>
      <p className="lead">{access.platformAdmin ? t('users.introPlatform') : t('users.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        label={t('users.searchLabel')}
        onSearch={(values) => update({ q: values.q })}
        resetKey={params.q ?? ''}
      />
      <ListResults query={query} label={t('users.title')} onPage={(page) => update({ page })}>
        {(items) => (
          <table className="table-stack" role="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <SortHeader field="name" label={t('users.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <SortHeader field="email" label={t('users.email')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <th scope="col" role="columnheader">{t('users.status')}</th>
                <th scope="col" role="columnheader">{t('users.roles')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((account) => (
                <tr role="row" key={account.id}>
                  <td role="cell" data-label={t('users.name')}>
                    <Link to={`/users/${account.id}`}>{account.name}</Link>
                  </td>
                  <td role="cell" data-label={t('users.email')} className="break">
                    {account.email}
                  </td>
                  <td role="cell" data-label={t('users.status')}>
                    <StatusBadge active={account.isActive} />
                  </td>
                  <td role="cell" data-label={t('users.roles')}>
                    <RolesSummary account={account} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
