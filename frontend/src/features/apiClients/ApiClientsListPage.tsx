import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiClientRecord } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SortHeader } from '../../components/SortHeader';
import { formatDateTime } from '../../lib/format';
import { useAllBoards, useCurrentMunicipalities, useRegionsOfEveryKind } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canManageApiClients } from '../../lib/auth/permissions';
import { useApiClients, useRevokeApiClient } from './api';
import { SCOPE_KEYS, isApiScope, maskedKey } from './scopes';

export function ApiClientsListPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const allowed = canManageApiClients(access);
  const { params, update } = useListParams([], 'name');
  useDocumentTitle(t('apiClients.title'));
  const query = useApiClients({ page: params.page, pageSize: params.pageSize, sort: params.sort }, allowed);
  const boards = useAllBoards(allowed);
  const regions = useRegionsOfEveryKind(allowed && access.platformAdmin);
  const municipalities = useCurrentMunicipalities(allowed && access.platformAdmin);
  const revoke = useRevokeApiClient();
  const [revoked, setRevoked] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (revoked) statusRef.current?.focus();
  }, [revoked]);

  if (!allowed) {
    return (
      <>
        <h1>{t('apiClients.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }

  const boardNames = new Map((boards.data ?? []).map((b) => [b.id, b.name]));
  const regionNames = new Map((regions.data ?? []).map((r) => [r.id, r.name]));
  const municipalityNames = new Map((municipalities.data ?? []).map((m) => [m.id, m.name]));
  const boundTo = (c: ApiClientRecord) =>
    c.boardId != null
      ? `${t('scopeTypes.board')}: ${boardNames.get(c.boardId) ?? `#${c.boardId}`}`
      : c.regionId != null
        ? `${t('scopeTypes.region')}: ${regionNames.get(c.regionId) ?? `#${c.regionId}`}`
        : c.municipalityId != null
          ? `${t('scopeTypes.municipality')}: ${municipalityNames.get(c.municipalityId) ?? `#${c.municipalityId}`}`
          : t('common.none');
  const scopeName = (scope: string) => (isApiScope(scope) ? t(`apiClients.scopeNames.${SCOPE_KEYS[scope]}`) : scope);

  async function onRevoke(client: ApiClientRecord) {
    setRevoked(null);
    await revoke.mutateAsync(client.id);
    setRevoked(t('apiClients.revoked', { name: client.name }));
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('apiClients.title')}</h1>
        <Link to="/api-clients/new" className="button button-primary">
          {t('apiClients.new')}
        </Link>
      </div>
      <p className="lead">{t('apiClients.intro')}</p>
      <Flash />
      {revoked && (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={statusRef}>
          {revoked}
        </div>
      )}
      <ProblemAlert error={revoke.error} focus />
      <ListResults query={query} label={t('apiClients.title')} onPage={(page) => update({ page })} empty={t('apiClients.none')}>
        {(items) => (
          <table className="table-stack" role="table">
            <caption className="visually-hidden">{t('apiClients.title')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <SortHeader field="name" label={t('apiClients.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <th scope="col" role="columnheader">{t('apiClients.status')}</th>
                <th scope="col" role="columnheader">{t('apiClients.scopes')}</th>
                <th scope="col" role="columnheader">{t('apiClients.boundTo')}</th>
                <SortHeader
                  field="createdAt"
                  label={t('common.createdAt')}
                  sort={params.sort}
                  onSort={(sort) => update({ sort })}
                />
                <th scope="col" role="columnheader">{t('apiClients.lastUsed')}</th>
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((client) => (
                <tr role="row" key={client.id} className={client.revokedAt ? 'row-revoked' : undefined}>
                  <td role="cell" data-label={t('apiClients.name')}>
                    <strong>{client.name}</strong>
                    <br />
                    <code className="muted" title={t('apiClients.keyPrefix')}>
                      {maskedKey(client.keyPrefix)}
                    </code>
                  </td>
                  <td role="cell" data-label={t('apiClients.status')}>
                    {client.revokedAt ? (
                      <>
                        <span className="badge badge-inactive">{t('apiClients.statusRevoked')}</span>{' '}
                        <span className="muted nowrap">{formatDateTime(client.revokedAt, i18n.language)}</span>
                      </>
                    ) : (
                      <span className="badge badge-active">{t('apiClients.statusActive')}</span>
                    )}
                  </td>
                  <td role="cell" data-label={t('apiClients.scopes')}>
                    <ul className="plain-list">
                      {client.scopes.map((s) => (
                        <li key={s}>{scopeName(s)}</li>
                      ))}
                    </ul>
                  </td>
                  <td role="cell" data-label={t('apiClients.boundTo')}>{boundTo(client)}</td>
                  <td role="cell" data-label={t('common.createdAt')}>
                    <time dateTime={client.createdAt}>{formatDateTime(client.createdAt, i18n.language)}</time>
                  </td>
                  <td role="cell" data-label={t('apiClients.lastUsed')}>
                    {client.lastUsedAt ? (
                      <time dateTime={client.lastUsedAt}>{formatDateTime(client.lastUsedAt, i18n.language)}</time>
                    ) : (
                      <span className="muted">{t('apiClients.neverUsed')}</span>
                    )}
                  </td>
                  <td role="cell" className="cell-actions">
                    {!client.revokedAt && (
                      <ConfirmAction
                        label={t('apiClients.revoke')}
                        accessibleLabel={t('apiClients.revokeLabel', { name: client.name })}
                        message={t('apiClients.confirmRevoke', { name: client.name })}
                        confirmLabel={t('apiClients.confirmRevokeButton')}
                        onConfirm={() => onRevoke(client)}
                      />
                    )}
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
