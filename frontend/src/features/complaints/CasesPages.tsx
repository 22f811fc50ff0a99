/**
 * The confidential counsellor's case register: the list with filters, and the form to record or
 * change a case. Only counsellors get here; for anyone else the API answers 404 and the pages say
 * "not found" without asking.
 */
import { type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { User } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { renameInvalidParams, str, textOrNull } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useListParams } from '../../lib/useListParams';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { boardsWith, schoolsWith, scopeLabel, type Access } from '../../lib/auth/access';
import { isConfidentialCounsellor } from '../../lib/auth/permissions';
import { formatDate, today } from '../../lib/format';
import { RegistryFormError } from '../../components/ProblemMessage';
import { useActors } from './actors';
import { useCase, useCases, useCreateCase, useDeleteCase, useUpdateCase } from './api';
import { useT } from '../../lib/i18n';
import { areaOptions, FilterSelect, groupOptions, yearOptions } from './FilterSelect';
import { ComplaintsTabs } from './nav';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  type Case,
  type CaseCreate,
  type CaseListQuery,
  type CaseUpdate,
} from './types';
import './complaints.css';

/** Where the user is a confidential counsellor: schools, and boards (board-wide cases). */
export function counsellorScopes(
  access: Access,
  user: Pick<User, 'memberships'>,
): { value: string; label: string; schoolId?: number; boardId?: number }[] {
  return [
    ...schoolsWith(access, 'confidential').map((s) => ({
      value: `school:${s.id}`,
      label: scopeLabel(user, 'school', s.id),
      schoolId: s.id,
    })),
    ...boardsWith(access, 'confidential').map((id) => ({
      value: `board:${id}`,
      label: scopeLabel(user, 'board', id),
      boardId: id,
    })),
  ];
}

const FILTERS = ['schoolId', 'status', 'area', 'year'] as const;

export function CasesListPage() {
  const { t, i18n } = useT('complaints');
  const user = useUser();
  const access = useAccess();
  const { params, update } = useListParams(FILTERS, '-openedOn');
  useDocumentTitle(t('complaints.cases.title'));
  const counsellor = isConfidentialCounsellor(access);
  const f = params.filters;
  const query: CaseListQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    schoolId: f.schoolId ? Number(f.schoolId) : undefined,
    status: f.status as CaseListQuery['status'],
    area: f.area as CaseListQuery['area'],
    year: f.year ? Number(f.year) : undefined,
  };
  const cases = useCases(query);
  const schools = counsellorScopes(access, user).filter((s) => s.schoolId);

  if (!counsellor) return <NotFoundPage />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update(Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '') || undefined])));
  }

  return (
    <>
      <ComplaintsTabs />
      <div className="page-header">
        <h1>{t('complaints.cases.title')}</h1>
        <div className="actions">
          <Link to="/confidential-cases/new" className="button button-primary">
            {t('complaints.cases.new')}
          </Link>
        </div>
      </div>
      <p className="lead">{t('complaints.cases.intro')}</p>
      <Flash />
      <form className="search-form" onSubmit={submit} key={JSON.stringify(f)}>
        {schools.length > 1 && (
          <FilterSelect
            id="case-school"
            name="schoolId"
            label={t('complaints.cases.school')}
            defaultValue={f.schoolId ?? ''}
            options={schools.map((s) => ({ value: String(s.schoolId), label: s.label }))}
            empty={t('complaints.cases.allSchools')}
          />
        )}
        <FilterSelect
          id="case-status"
          name="status"
          label={t('complaints.cases.status')}
          defaultValue={f.status ?? ''}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`complaints.cases.statuses.${s}`) }))}
          empty={t('common.all')}
        />
        <FilterSelect id="case-area" name="area" label={t('complaints.cases.area')} defaultValue={f.area ?? ''} options={areaOptions(t)} empty={t('common.all')} />
        <FilterSelect id="case-year" name="year" label={t('complaints.cases.year')} defaultValue={f.year ?? ''} options={yearOptions()} empty={t('common.all')} />
        <div className="search-actions">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
          <button type="button" className="button" onClick={() => update(Object.fromEntries(FILTERS.map((n) => [n, undefined])))}>
            {t('common.clear')}
          </button>
        </div>
      </form>
      {cases.isPending && <Loading />}
      {cases.isError && (isNotFound(cases.error) ? <NotFoundPage /> : <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />)}
      {cases.data && (
        <>
          <p className="result-count" aria-live="polite">
            {t('complaints.cases.count', { count: cases.data.total })}
          </p>
          {cases.data.items.length === 0 ? (
            <p>{t('complaints.cases.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('complaints.cases.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('complaints.cases.openedOn')}</th>
                    <th scope="col">{t('complaints.cases.school')}</th>
                    <th scope="col">{t('complaints.cases.area')}</th>
                    <th scope="col">{t('complaints.cases.group')}</th>
                    <th scope="col">{t('complaints.cases.status')}</th>
                    <th scope="col">{t('complaints.cases.outcome')}</th>
                    <th scope="col">{t('complaints.cases.deleteAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.data.items.map((c) => (
                    <tr key={c.id}>
                      <td className="nowrap">
                        <Link to={`/confidential-cases/${c.id}`} aria-label={t('complaints.cases.openLabel', { date: formatDate(c.openedOn, i18n.language) })}>
                          {formatDate(c.openedOn, i18n.language)}
                        </Link>
                      </td>
                      <td>{c.schoolName ?? t('common.none')}</td>
                      <td>{t(`complaints.areas.${c.area}`)}</td>
                      <td>{t(`complaints.groups.${c.group}`)}</td>
                      <td>{t(`complaints.cases.statuses.${c.status}`)}</td>
                      <td>{c.outcome ? t(`complaints.cases.outcomes.${c.outcome}`) : t('common.none')}</td>
                      <td>{c.deleteAfter ? formatDate(c.deleteAfter, i18n.language) : t('complaints.cases.notClosed')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={params.page} pageSize={params.pageSize} total={cases.data.total} onPage={(page) => update({ page })} />
        </>
      )}
    </>
  );
}

type CaseValues = {
  scope: string;
  area: string;
  group: string;
  openedOn: string;
  closedOn: string;
  status: string;
  referredTo: string;
  outcome: string;
  notes: string;
};

function toValues(c: Case | undefined, defaultScope: string): CaseValues {
  return {
    scope: c ? (c.schoolId ? `school:${c.schoolId}` : `board:${c.boardId}`) : defaultScope,
    area: str(c?.area),
    group: str(c?.group),
    openedOn: c?.openedOn ?? today(),
    closedOn: str(c?.closedOn),
    status: c?.status ?? 'open',
    referredTo: str(c?.referredTo),
    outcome: str(c?.outcome),
    notes: str(c?.notes),
  };
}

function bodyValue(name: keyof CaseValues, values: CaseValues): string | null {
  return name === 'area' || name === 'group' || name === 'status' || name === 'openedOn' ? values[name] || null : textOrNull(values[name]);
}

function CaseForm({ found, etag, onReload }: { found?: Case; etag?: string | null; onReload?: () => Promise<unknown> }) {
  const { t, i18n } = useT('complaints');
  const user = useUser();
  const access = useAccess();
  const navigate = useNavigate();
  const scopes = counsellorScopes(access, user);
  const initial = toValues(found, scopes.length === 1 ? (scopes[0]?.value ?? '') : '');
  const form = useRecordForm<CaseValues>({ initial, required: ['scope', 'area', 'group', 'openedOn'], onReload });
  const { values, setValue, fieldErrors } = form;
  const actors = useActors(found?.boardId ?? scopes.find((s) => s.value === values.scope)?.boardId);
  const create = useCreateCase();
  const update = useUpdateCase(found?.id ?? 0);
  const remove = useDeleteCase(found?.id ?? 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = (name: keyof CaseValues) => bodyValue(name, values);
    await form.submit(
      async () => {
        try {
          if (found) {
            const body = form.patchBody<CaseUpdate>(value, 'scope') ?? ({} as CaseUpdate);
            await update.mutateAsync({ body, etag: etag ?? null });
            navigate('/confidential-cases', { state: { flash: t('common.saved') } });
          } else {
            const [kind, id] = values.scope.split(':');
            const body = {
              ...(kind === 'school' ? { schoolId: Number(id) } : { boardId: Number(id) }),
              ...Object.fromEntries(
                (['area', 'group', 'openedOn', 'closedOn', 'status', 'referredTo', 'outcome', 'notes'] as const).map((k) => [k, value(k)]),
              ),
            } as CaseCreate;
            await create.mutateAsync(body);
            navigate('/confidential-cases', { state: { flash: t('complaints.cases.created') } });
          }
        } catch (error) {
          throw renameScope(error);
        }
      },
      { skip: found ? ['scope'] : [] },
    );
  }

  const select = (name: keyof CaseValues, label: string, options: { value: string; label: string }[], opts: { required?: boolean; empty?: string; hint?: string } = {}) => (
    <FormField label={label} error={fieldErrors[name]} required={opts.required} hint={opts.hint}>
      {(a) => (
        <select {...a} name={name} value={values[name]} onChange={(e) => setValue(name, e.target.value)}>
          {opts.empty !== undefined && <option value="">{opts.empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  const date = (name: 'openedOn' | 'closedOn', label: string, required: boolean, hint?: string) => (
    <FormField label={label} error={fieldErrors[name]} required={required} hint={hint}>
      {(a) => <input {...a} type="date" className="input-date" name={name} value={values[name]} onChange={(e) => setValue(name, e.target.value)} />}
    </FormField>
  );
  const referralOptions = [
    ...actors.options.role.map((o) => ({ value: o.code, label: o.name })),
    ...actors.options.body.map((o) => ({ value: o.code, label: o.name })),
    { value: 'board', label: t('complaints.actorTypes.board') },
    { value: 'complaint-committee', label: t('complaints.actorTypes.complaint-committee') },
  ];

  return (
    <>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <RecordFormAlerts form={form} summary={RegistryFormError} />
        {!found &&
          select(
            'scope',
            t('complaints.cases.school'),
            scopes.map((s) => ({ value: s.value, label: s.schoolId ? s.label : t('complaints.cases.boardWide', { board: s.label }) })),
            { required: true, empty: scopes.length > 1 ? t('complaints.editor.chooseActor') : undefined },
          )}
        {found && (
          <p>
            <strong>{t('complaints.cases.school')}:</strong> {found.schoolName ?? t('common.none')}
          </p>
        )}
        {select('area', t('complaints.cases.area'), areaOptions(t), { required: true, empty: '' })}
        {select('group', t('complaints.cases.group'), groupOptions(t), { required: true, empty: '' })}
        {select('status', t('complaints.cases.status'), CASE_STATUSES.map((s) => ({ value: s, label: t(`complaints.cases.statuses.${s}`) })), { required: true })}
        <div className="field-row">
          {date('openedOn', t('complaints.cases.openedOn'), true)}
          {date('closedOn', t('complaints.cases.closedOn'), false, t('complaints.cases.closedOnHint'))}
        </div>
        {select('referredTo', t('complaints.cases.referredTo'), referralOptions, { empty: t('complaints.cases.noReferral'), hint: t('complaints.cases.referredToHint') })}
        {select('outcome', t('complaints.cases.outcome'), CASE_OUTCOMES.map((o) => ({ value: o, label: t(`complaints.cases.outcomes.${o}`) })), { empty: t('complaints.cases.noOutcome') })}
        <FormField label={t('complaints.cases.notes')} error={fieldErrors.notes} hint={t('complaints.cases.notesHint')}>
          {(a) => <textarea {...a} name="notes" rows={4} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
        </FormField>
        {found?.deleteAfter && <p className="alert alert-warning">{t('complaints.cases.deleteAfterHint', { date: formatDate(found.deleteAfter, i18n.language) })}</p>}
        <div className="form-actions">
          <SaveButton form={form} />
          <Link to="/confidential-cases" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      {found && (
        <div className="danger-zone">
          <ConfirmAction
            label={t('common.delete')}
            message={t('complaints.cases.deleteConfirm')}
            confirmLabel={t('complaints.cases.deleteYes')}
            onConfirm={async () => {
              await remove.mutateAsync({ etag: etag ?? null });
              navigate('/confidential-cases', { state: { flash: t('complaints.cases.deleted') } });
            }}
          />
          <ProblemAlert error={remove.error} />
        </div>
      )}
    </>
  );
}

/**
 * The API names the school or board field; the form has one "scope" select for both. Its one check
 * of the whole body (a closing date before the opening date) is named `body`: it belongs to the
 * closing date.
 */
function renameScope(error: unknown): unknown {
  return renameInvalidParams(error, (name) =>
    name === 'schoolId' || name === 'boardId' ? 'scope' : name === 'body' ? 'closedOn' : null,
  );
}

export function CaseCreatePage() {
  const { t } = useT('complaints');
  const access = useAccess();
  useDocumentTitle(t('complaints.cases.newTitle'));
  if (!isConfidentialCounsellor(access)) return <NotFoundPage />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/confidential-cases">{t('complaints.cases.title')}</Link>
      </p>
      <h1>{t('complaints.cases.newTitle')}</h1>
      <CaseForm />
    </>
  );
}

export function CaseEditPage() {
  const { t } = useT('complaints');
  const access = useAccess();
  const caseId = parseId(useParams().caseId);
  const query = useCase(caseId);
  useDocumentTitle(t('complaints.cases.editTitle'));
  if (!isConfidentialCounsellor(access) || !Number.isFinite(caseId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { data, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/confidential-cases">{t('complaints.cases.title')}</Link>
      </p>
      <h1>{t('complaints.cases.editTitle')}</h1>
      <CaseForm key={`${data.id}:${etag ?? data.updatedAt}`} found={data} etag={etag} onReload={() => query.refetch()} />
    </>
  );
}
