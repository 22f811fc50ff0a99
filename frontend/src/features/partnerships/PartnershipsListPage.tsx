import { useId } from 'react';
import { Link } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { useT } from '../../lib/i18n';
import { useScopeBoards, useScopeSchools } from '../../lib/scope';
import { LEVELS, STATUSES, type Partnership } from '../../api/registryTypes';
import { PartnershipTable } from './PartnershipTable';
import { usePartnerships } from './api';

const FILTERS = ['schoolId', 'status', 'level'] as const;

export function PartnershipsListPage() {
  const { t } = useT();
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, 'partner');
  useDocumentTitle(t('partnerships.title'));
  const schoolId = toNumber(params.filters.schoolId);
  const status = STATUSES.find((s) => s === params.filters.status);
  const level = LEVELS.find((l) => l === params.filters.level) as Partnership['levels'][number] | undefined;
  const schools = useScopeSchools();
  const { boards } = useScopeBoards();
  const query = usePartnerships({
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    q: params.q,
    schoolId,
    status,
    level,
  });
  const data = query.data;
  const filtersActive = FILTERS.filter((f) => params.filters[f]);

  return (
    <>
      <div className="page-header">
        <h1>{t('partnerships.title')}</h1>
        {canEditRegistry(access) && (
          <Link to={schoolId ? `/partnerships/new?schoolId=${schoolId}` : '/partnerships/new'} className="button button-primary">
            {t('partnerships.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('partnerships.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        label={t('partnerships.searchLabel')}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[params.q, schoolId, status, level, schools.data?.length].join('|')}
        onSearch={(values) => update({ q: values.q, schoolId: values.schoolId, status: values.status, level: values.level })}
      >
        {schools.data && schools.data.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-school`}>{t('registry.school')}</label>
            <select id={`${id}-school`} name="schoolId" defaultValue={schoolId ? String(schoolId) : ''}>
              <option value="">{t('common.all')}</option>
              {schools.data.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('partnerships.status')}</label>
          <select id={`${id}-status`} name="status" defaultValue={status ?? ''}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`partnerships.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('partnerships.level')}</label>
          <select id={`${id}-level`} name="level" defaultValue={level ?? ''}>
            <option value="">{t('common.all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`partnerships.levelNames.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <div className="list-toolbar">
            <p className="result-count" aria-live="polite">
              {t('common.results', { count: data.total })}
            </p>
            <ExportLinks kind="partnerships" boardId={boards.length === 1 ? boards[0]?.id : undefined} />
          </div>
          {data.items.length === 0 ? (
            <p>{t('common.noResults')}</p>
          ) : (
            <PartnershipTable items={data.items} caption={t('partnerships.title')} sort={params.sort} onSort={(s) => update({ sort: s })} />
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page })} />
        </>
      )}
    </>
  );
}
