import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { languageName } from '../people/languages';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatDate } from '../../lib/format';
import { useScopeSchools } from '../../lib/scope';
import { ActivityForm } from './ActivityForm';
import { useActivities, useActivity, useDeleteActivity } from './api';
import { LiveMessage } from './Notices';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { SchoolFilter } from './SchoolFilter';
import { canEditKeyPersons } from './permissions';
import { ACTIVITY_KINDS, type Activity } from './types';

const FILTERS = ['schoolId', 'kind', 'from', 'to'] as const;
const isDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** What key persons did: coffee mornings, intakes, home visits; with the parents reached. */
export function ActivitiesPage() {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, '-occurredOn');
  useDocumentTitle(t('keyPersons.activities.title'));
  const schoolId = toNumber(params.filters.schoolId);
  const kind = ACTIVITY_KINDS.find((k) => k === params.filters.kind);
  const from = isDate(params.filters.from);
  const to = isDate(params.filters.to);
  const schools = useScopeSchools();
  const query = useActivities({ page: params.page, pageSize: params.pageSize, sort: params.sort, schoolId, kind, from, to });
  const remove = useDeleteActivity();
  const [message, setMessage] = useState<string | null>(null);
  const data = query.data;
  const filtersActive = FILTERS.filter((f) => params.filters[f]);
  const col = (key: 'occurredOn' | 'kind' | 'titleField' | 'school' | 'people' | 'parentsReached' | 'languages' | 'actions') =>
    t(`keyPersons.activities.${key}`);
  const canEdit = (a: Activity) => canEditSchoolRecords(access, { boardId: a.boardId, schoolId: a.schoolId });
  const anyEditable = (data?.items ?? []).some(canEdit);

  async function onDelete(a: Activity) {
    await remove.mutateAsync({ activityId: a.id, etag: a.etag });
    setMessage(t('keyPersons.activities.deleted'));
  }

  const describe = (a: Activity) => `${t(`keyPersons.activityKinds.${a.kind}`)}, ${formatDate(a.occurredOn, language)}`;

  return (
    <>
      <KeyPersonTabs />
      <div className="page-header">
        <h1>{t('keyPersons.activities.title')}</h1>
        {canEditKeyPersons(access) && (
          <Link to={schoolId ? `/key-persons/activities/new?schoolId=${schoolId}` : '/key-persons/activities/new'} className="button button-primary">
            {t('keyPersons.activities.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('keyPersons.activities.intro')}</p>
      <Flash />
      <LiveMessage message={message} />
      <RegistryProblem error={remove.error} focus />
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[schoolId, kind, from, to, schools.data?.length].join('|')}
        onSearch={(v) => update({ schoolId: v.schoolId, kind: v.kind, from: v.from, to: v.to })}
      >
        <SchoolFilter schools={schools.data} schoolId={schoolId} />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('keyPersons.activities.kind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue={kind ?? ''}>
            <option value="">{t('common.all')}</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`keyPersons.activityKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('keyPersons.activities.from')}</label>
          <input id={`${id}-from`} type="date" name="from" className="input-date" defaultValue={from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('keyPersons.activities.to')}</label>
          <input id={`${id}-to`} type="date" name="to" className="input-date" defaultValue={to ?? ''} />
        </div>
      </SearchForm>
      <ListResults query={query} label={t('keyPersons.activities.title')} onPage={(page) => update({ page })} empty={t('keyPersons.activities.none')}>
        {(items) => (
          <table className="stack-on-phone" data-testid="activities-table">
            <caption className="visually-hidden">{t('keyPersons.activities.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="occurredOn" label={col('occurredOn')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{col('kind')}</th>
                <th scope="col">{col('titleField')}</th>
                <th scope="col">{col('school')}</th>
                <th scope="col">{col('people')}</th>
                <SortHeader field="parentsReached" label={col('parentsReached')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{col('languages')}</th>
                {anyEditable && <th scope="col">{col('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td data-label={col('occurredOn')}>{formatDate(a.occurredOn, language)}</td>
                  <td data-label={col('kind')}>{t(`keyPersons.activityKinds.${a.kind}`)}</td>
                  <td data-label={col('titleField')}>{a.title || t('common.none')}</td>
                  <td data-label={col('school')}>{a.schoolName}</td>
                  <td data-label={col('people')}>{a.people.map((p) => p.name).join(', ')}</td>
                  <td data-label={col('parentsReached')} className="numeric">
                    {a.parentsReached}
                  </td>
                  <td data-label={col('languages')}>
                    {a.languages.length > 0 ? a.languages.map((c) => languageName(c, language)).join(', ') : t('common.none')}
                  </td>
                  {anyEditable && (
                    <td data-label={col('actions')} className="cell-actions">
                      {canEdit(a) && (
                        <div className="actions">
                          <Link to={`/key-persons/activities/${a.id}/edit`} className="button button-small">
                            {t('common.edit')}
                            <span className="visually-hidden">: {describe(a)}</span>
                          </Link>
                          <ConfirmAction
                            label={t('common.delete')}
                            accessibleLabel={t('keyPersons.activities.deleteLabel', { activity: describe(a) })}
                            message={t('keyPersons.activities.confirmDelete', { activity: describe(a) })}
                            confirmLabel={t('keyPersons.activities.confirmDeleteButton')}
                            onConfirm={() => onDelete(a)}
                          />
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}

export function ActivityCreatePage() {
  const { t } = useT('keypersons');
  const access = useAccess();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('keyPersons.activities.new'));
  return (
    <>
      <KeyPersonTabs />
      <p className="breadcrumb">
        <Link to="/key-persons/activities">{t('keyPersons.activities.title')}</Link>
      </p>
      <h1>{t('keyPersons.activities.new')}</h1>
      {canEditKeyPersons(access) ? (
        <ActivityForm defaultSchoolId={toNumber(searchParams.get('schoolId') ?? undefined)} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}

export function ActivityEditPage() {
  const { t } = useT('keypersons');
  const activityId = parseId(useParams().activityId);
  const query = useActivity(activityId);
  useDocumentTitle(t('keyPersons.activities.edit'));
  if (!Number.isFinite(activityId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <KeyPersonTabs />
      <p className="breadcrumb">
        <Link to="/key-persons/activities">{t('keyPersons.activities.title')}</Link>
      </p>
      <h1>{t('keyPersons.activities.edit')}</h1>
      <ActivityForm key={query.data.etag ?? 'v'} activity={query.data.data} etag={query.data.etag} onReload={() => query.refetch()} />
    </>
  );
}
