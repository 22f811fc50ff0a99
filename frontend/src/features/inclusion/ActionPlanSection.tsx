/**
 * The action plan: what the board does for new jobs, guidance on the work floor and lasting
 * placement, who does it (a person or a role assignment of the board) and by when; overdue actions
 * stand out (with a word, not colour alone); ticking off sets the status to done with today's date.
 * "Print het actieplan" prints the plan to discuss with the employer service point.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { renameInvalidParams, str, useFormState } from '../../lib/forms';
import { newIdempotencyKey } from '../keypersons/format';
import { usePeopleOptions, useRoleAssignments } from '../people/api';
import { LiveMessage } from '../../components/LiveMessage';
import { dateOrNull, formatDate } from '../../lib/format';
import { useRoleName } from '../../lib/scope';
import { useActions, useCreateAction, useDeleteAction, useUpdateAction } from './api';
import { useT } from '../../lib/i18n';
import { ACTION_STATUSES, ACTION_THEMES, type Action, type ActionStatus, type ActionTheme, type ActionUpdate, type Track } from './types';
import { isStale, useStale } from '../../lib/stale';

/** Prints only the action plan (with the ambition, bottlenecks and contact point): `body.print-plan` while printing. */
export function printActionPlan() {
  document.body.classList.add('print-plan');
  const done = () => {
    document.body.classList.remove('print-plan');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Browsers that print synchronously have printed by now; the others send `afterprint`.
    window.setTimeout(done, 1000);
  }
}

export function ActionPlanSection({ track, canManage }: { track: Track; canManage: boolean }) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const query = useActions(track.id);
  const update = useUpdateAction(track.id);
  const remove = useDeleteAction(track.id);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<Action | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { stale, setStale, reloading, reload } = useStale(() => query.refetch());
  const items = query.data ?? [];
  const overdue = items.filter((a) => a.overdue).length;

  function failed(error: unknown) {
    if (isStale(error)) setStale(true);
    else setActionError(error);
  }

  async function tickOff(a: Action) {
    setActionError(null);
    try {
      await update.mutateAsync({ actionId: a.id, body: { status: 'done' }, etag: a.etag });
      setMessage(t('inclusion.actions.tickedOff', { title: a.title }));
    } catch (error) {
      failed(error);
    }
  }

  async function onRemove(a: Action) {
    setActionError(null);
    try {
      await remove.mutateAsync({ actionId: a.id, etag: a.etag });
      setMessage(t('inclusion.actions.removed'));
    } catch (error) {
      failed(error);
      throw error;
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="track-section print-plan-part" id="actieplan">
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('inclusion.actions.title')}</h2>
        <button type="button" className="button no-print" onClick={printActionPlan}>
          {t('inclusion.actions.print')}
        </button>
      </div>
      <p>{t('inclusion.actions.intro')}</p>
      {overdue > 0 && (
        <p className="alert alert-warning" data-testid="actions-overdue">
          <span aria-hidden="true">▲ </span>
          {t('inclusion.actions.overdueCount', { count: overdue })}
        </p>
      )}
      <LiveMessage message={message} />
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <ProblemAlert error={actionError} focus />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p>{t('inclusion.actions.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="table-stack action-table" role="table" data-testid="actions-table">
            <caption className="visually-hidden">{t('inclusion.actions.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('inclusion.actions.what')}</th>
                <th scope="col" role="columnheader">{t('inclusion.actions.theme')}</th>
                <th scope="col" role="columnheader">{t('inclusion.actions.who')}</th>
                <th scope="col" role="columnheader">{t('inclusion.actions.due')}</th>
                <th scope="col" role="columnheader">{t('inclusion.actions.status')}</th>
                <th scope="col" role="columnheader">{t('inclusion.actions.outcome')}</th>
                {canManage && (
                  <th scope="col" role="columnheader" className="no-print">
                    {t('inclusion.actions.actionsColumn')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((a) => (
                <tr role="row" key={a.id} className={a.overdue ? 'row-overdue' : a.status === 'done' ? 'row-done' : undefined} data-action={a.title}>
                  <td role="cell" data-label={t('inclusion.actions.what')}>
                    <strong>{a.title}</strong>
                    {a.description && <span className="action-description prewrap">{a.description}</span>}
                  </td>
                  <td role="cell" data-label={t('inclusion.actions.theme')}>{t(`inclusion.actions.themes.${a.theme}`)}</td>
                  <td role="cell" data-label={t('inclusion.actions.who')}>{a.who ?? <span className="muted">{t('inclusion.actions.nobody')}</span>}</td>
                  <td role="cell" data-label={t('inclusion.actions.due')} className="nowrap">
                    {a.dueOn ? formatDate(a.dueOn, language) : <span className="muted">{t('inclusion.actions.noDate')}</span>}
                    {a.overdue && (
                      <span className="badge badge-overdue">
                        <span aria-hidden="true">▲ </span>
                        {t('inclusion.actions.overdue')}
                      </span>
                    )}
                  </td>
                  <td role="cell" data-label={t('inclusion.actions.status')}>
                    <span className={`badge badge-status-${a.status}`}>
                      {a.status === 'done' && <span aria-hidden="true">✓ </span>}
                      {t(`inclusion.actions.statuses.${a.status}`)}
                    </span>
                    {a.doneOn && <span className="muted action-done-on">{t('inclusion.actions.doneOn', { date: formatDate(a.doneOn, language) })}</span>}
                  </td>
                  <td role="cell" data-label={t('inclusion.actions.outcome')} className="prewrap">
                    {a.outcome || t('common.none')}
                  </td>
                  {canManage && (
                    <td role="cell" data-label={t('inclusion.actions.actionsColumn')} className="cell-actions no-print">
                      <div className="actions">
                        {(a.status === 'open' || a.status === 'in-progress') && (
                          <button
                            type="button"
                            className="button button-small button-primary"
                            onClick={() => void tickOff(a)}
                            disabled={update.isPending}
                            aria-label={t('inclusion.actions.named', { action: t('inclusion.actions.tickOff'), title: a.title })}
                          >
                            <span aria-hidden="true">✓ </span>
                            {t('inclusion.actions.tickOff')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setEditing(a)}
                          aria-label={t('inclusion.actions.named', { action: t('inclusion.actions.edit'), title: a.title })}
                        >
                          {t('inclusion.actions.edit')}
                        </button>
                        <ConfirmAction
                          label={t('inclusion.actions.remove')}
                          accessibleLabel={t('inclusion.actions.named', { action: t('inclusion.actions.remove'), title: a.title })}
                          message={t('inclusion.actions.confirmRemove', { title: a.title })}
                          confirmLabel={t('inclusion.actions.confirmRemoveButton')}
                          onConfirm={() => onRemove(a)}
                        />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <ActionForm
          key={editing ? `edit-${editing.id}-${editing.etag}` : 'new'}
          track={track}
          action={editing}
          onReload={() => query.refetch()}
          onDone={(saved) => {
            if (saved) setMessage(saved);
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}

type Values = { title: string; theme: string; description: string; who: string; dueOn: string; status: string; outcome: string };

function whoOf(a: Action | null): string {
  if (a?.personId) return `person:${a.personId}`;
  if (a?.assignmentId) return `assignment:${a.assignmentId}`;
  return '';
}

function ActionForm({
  track,
  action,
  onReload,
  onDone,
}: {
  track: Track;
  action: Action | null;
  onReload: () => Promise<unknown>;
  onDone: (message: string | null) => void;
}) {
  const { t } = useT('inclusion');
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const people = usePeopleOptions(track.boardId);
  const assignments = useRoleAssignments({ boardId: track.boardId, active: true });
  const roleName = useRoleName(track.boardId);
  const initial: Values = {
    title: str(action?.title),
    theme: action?.theme ?? 'new-jobs',
    description: str(action?.description),
    who: whoOf(action),
    dueOn: str(action?.dueOn),
    status: action?.status ?? 'open',
    outcome: str(action?.outcome),
  };
  const form = useFormState<Values>(initial);
  const { values, setValue, fieldErrors } = form;
  const create = useCreateAction(track.id);
  const update = useUpdateAction(track.id);
  const idempotencyKey = useRef(newIdempotencyKey());
  const { stale, setStale, reloading, reload } = useStale(async () => {
    await onReload();
    onDone(null);
  });
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (action) headingRef.current?.focus();
  }, [action]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    form.clearErrors();
    const title = values.title.trim();
    if (!title) {
      form.setFieldErrors({ title: t('inclusion.actions.titleRequired') });
      return;
    }
    const [kind, rawId] = values.who.split(':');
    const whoId = Number(rawId);
    const body: ActionUpdate = {
      title,
      theme: values.theme as ActionTheme,
      description: values.description.trim() || null,
      personId: kind === 'person' ? whoId : null,
      assignmentId: kind === 'assignment' ? whoId : null,
      dueOn: dateOrNull(values.dueOn),
      status: values.status as ActionStatus,
      outcome: values.outcome.trim() || null,
    };
    try {
      if (action) {
        await update.mutateAsync({ actionId: action.id, body, etag: action.etag });
        onDone(t('inclusion.actions.saved', { title }));
      } else {
        await create.mutateAsync({ body: { ...body, title }, idempotencyKey: idempotencyKey.current });
        idempotencyKey.current = newIdempotencyKey();
        form.setValues({ ...initial, title: '', description: '', who: '', dueOn: '', outcome: '' });
        onDone(t('inclusion.actions.added', { title }));
      }
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(renameInvalidParams(error, (name) => (name === 'personId' || name === 'assignmentId' ? 'who' : null)));
    }
  }

  const heading = action ? t('inclusion.actions.editTitle', { title: action.title }) : t('inclusion.actions.add');
  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="action-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <FormField label={t('inclusion.actions.titleField')} error={fieldErrors.title} required>
        {(a) => <input {...a} name="title" maxLength={300} value={values.title} onChange={(e) => setValue('title', e.target.value)} />}
      </FormField>
      <div className="field-row">
        <FormField label={t('inclusion.actions.themeField')} error={fieldErrors.theme}>
          {(a) => (
            <select {...a} name="theme" value={values.theme} onChange={(e) => setValue('theme', e.target.value)}>
              {ACTION_THEMES.map((th) => (
                <option key={th} value={th}>
                  {t(`inclusion.actions.themes.${th}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('inclusion.actions.whoField')} hint={t('inclusion.actions.whoHint')} error={fieldErrors.who}>
          {(a) => (
            <select {...a} name="who" value={values.who} onChange={(e) => setValue('who', e.target.value)}>
              <option value="">{t('inclusion.actions.whoNobody')}</option>
              {(people.data ?? []).length > 0 && (
                <optgroup label={t('inclusion.actions.whoPeople')}>
                  {(people.data ?? []).map((p) => (
                    <option key={p.id} value={`person:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {(assignments.data ?? []).length > 0 && (
                <optgroup label={t('inclusion.actions.whoRoles')}>
                  {(assignments.data ?? []).map((r) => (
                    <option key={r.id} value={`assignment:${r.id}`}>
                      {roleName.byCode(r.roleCode, r.roleName)}: {r.personName}
                      {r.schoolName ? ` (${r.schoolName})` : ''}
                    </option>
                  ))}
                </optgroup>
              )}
              {action?.who && values.who === whoOf(action) && !people.data?.some((p) => `person:${p.id}` === values.who) &&
                !assignments.data?.some((r) => `assignment:${r.id}` === values.who) && values.who !== '' && (
                  <option value={values.who}>{action.who}</option>
                )}
            </select>
          )}
        </FormField>
        <FormField label={t('inclusion.actions.dueField')} error={fieldErrors.dueOn}>
          {(a) => <input {...a} type="date" name="dueOn" className="input-date" value={values.dueOn} onChange={(e) => setValue('dueOn', e.target.value)} />}
        </FormField>
        <FormField label={t('inclusion.actions.statusField')} error={fieldErrors.status}>
          {(a) => (
            <select {...a} name="status" value={values.status} onChange={(e) => setValue('status', e.target.value)}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`inclusion.actions.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('inclusion.actions.descriptionField')} error={fieldErrors.description}>
        {(a) => <textarea {...a} name="description" rows={2} maxLength={2000} value={values.description} onChange={(e) => setValue('description', e.target.value)} />}
      </FormField>
      <FormField label={t('inclusion.actions.outcomeField')} hint={t('inclusion.actions.outcomeHint')} error={fieldErrors.outcome}>
        {(a) => <textarea {...a} name="outcome" rows={2} maxLength={2000} value={values.outcome} onChange={(e) => setValue('outcome', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : action ? t('common.save') : t('inclusion.actions.addSubmit')}
        </button>
        {action && (
          <button type="button" className="button" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
