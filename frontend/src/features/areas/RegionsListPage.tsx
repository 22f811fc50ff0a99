/** The platform administrator's regions of every kind: filter by kind, search by name or code. */
import { Link } from 'react-router';
import { REGION_KINDS, type RegionKind } from '../../api/types';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useRegions } from './api';
import { useT } from '../../lib/i18n';
import { areaPath, regionAdminPath } from './paths';
import { canManageRegions } from './permissions';
import './areas.css';

function isKind(value: string | undefined): value is RegionKind {
  return (REGION_KINDS as readonly string[]).includes(value ?? '');
}

export function RegionsListPage() {
  const { t } = useT('areas', 'complaints');
  const access = useAccess();
  const allowed = canManageRegions(access);
  const { params, update } = useListParams(['kind']);
  const kind = isKind(params.filters.kind) ? params.filters.kind : undefined;
  useDocumentTitle(t('regionAdmin.title'));
  const query = useRegions({
    page: params.page,
    pageSize: params.pageSize,
    ...(params.sort ? { sort: params.sort } : {}),
    ...(params.q ? { q: params.q } : {}),
    ...(kind ? { kind } : {}),
  }, allowed);

  if (!allowed) {
    return (
      <>
        <h1>{t('regionAdmin.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  return (
    <>
      <div className="page-header">
        <h1>{t('regionAdmin.title')}</h1>
        <Link to="/regions/new" className="button button-primary">
          {t('regionAdmin.new')}
        </Link>
      </div>
      <p className="lead">{t('regionAdmin.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        label={t('regionAdmin.searchLabel')}
        filterNames={kind ? ['kind'] : []}
        resetKey={`${params.q ?? ''}:${kind ?? ''}`}
        onSearch={(values) => update({ q: values.q, kind: values.kind })}
      >
        <div className="field">
          <label htmlFor="region-kind">{t('regionAdmin.kind')}</label>
          <select id="region-kind" name="kind" defaultValue={kind ?? ''}>
            <option value="">{t('regionAdmin.allKinds')}</option>
            {REGION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`regionKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('regionAdmin.title')} onPage={(page) => update({ page })}>
        {(items) => (
          <table className="table-stack" role="table" data-testid="regions-table">
            <caption className="visually-hidden">{t('regionAdmin.title')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <SortHeader field="name" label={t('regionAdmin.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <SortHeader field="code" label={t('regionAdmin.code')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <SortHeader field="kind" label={t('regionAdmin.kind')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <th scope="col" role="columnheader" className="numeric">
                  {t('regionAdmin.municipalityCount')}
                </th>
                <th scope="col" role="columnheader">
                  {t('regionAdmin.dashboard')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((r) => (
                <tr role="row" key={r.id}>
                  <td role="cell" data-label={t('regionAdmin.name')}>
                    <Link to={regionAdminPath(r.id)}>{r.name}</Link>
                  </td>
                  <td role="cell" data-label={t('regionAdmin.code')}>{r.code}</td>
                  <td role="cell" data-label={t('regionAdmin.kind')}>{t(`regionKinds.${r.kind}`)}</td>
                  <td role="cell" data-label={t('regionAdmin.municipalityCount')} className="numeric">
                    {r.municipalityCount ?? 0}
                  </td>
                  <td role="cell" data-label={t('regionAdmin.dashboard')}>
                    <Link to={areaPath('region', r.id)}>
                      {t('regionAdmin.openDashboard')} <span className="visually-hidden">{t('regionAdmin.ofRegion', { name: r.name })}</span>
                    </Link>
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
