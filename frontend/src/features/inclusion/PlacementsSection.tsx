/**
 * Placements under the job agreement with their workplace mentors: number, school, job, hours and
 * jobs (hours ÷ 25.5), contract, whether it counts (and when UWV's register was checked), the
 * mentor and their hours. The employee's name only where the API shows it (`nameVisible`);
 * everyone else reads "Plaatsing 3 bij OBS De Spil". School and board administrators add,
 * change and end placements.
 */
import { useId, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { useFormState } from '../../lib/forms';
import { useAccess } from '../../lib/auth/AuthProvider';
import { LiveMessage } from '../../components/LiveMessage';
import { formatDate, today } from '../../lib/format';
import { useDeletePlacement, usePlacements, useUpdatePlacement } from './api';
import { formatHours, jobsText, num, placementLabel } from './format';
import { useT } from '../../lib/i18n';
import { canAddPlacement, canEditPlacement } from './permissions';
import { PlacementForm } from './PlacementForm';
import type { Placement, Track } from './types';
import { isStale, useStale } from '../../lib/stale';

export function PlacementsSection({ track }: { track: Track }) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const access = useAccess();
  const query = usePlacements(track.id);
  const remove = useDeletePlacement(track.id);
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState<{ mode: 'new' } | { mode: 'edit' | 'end'; placement: Placement } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { stale, setStale, reloading, reload } = useStale(() => query.refetch());
  const items = query.data ?? [];
  const editable = (p: Placement) => canEditPlacement(access, { boardId: p.boardId, schoolId: p.schoolId });
  const anyEditable = items.some(editable);
  const counting = items.filter((p) => p.countsTowardsJobAgreement).length;

  async function onRemove(p: Placement) {
    setActionError(null);
    try {
      await remove.mutateAsync({ placementId: p.id, etag: p.etag });
      setMessage(t('inclusion.placements.removed'));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else setActionError(error);
      throw error;
    }
  }

  const done = (text: string | null) => {
    setForm(null);
    if (text) setMessage(text);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="track-section" id="plaatsingen">
      <h2 id={`${id}-title`}>{t('inclusion.placements.title')}</h2>
      <p>{t('inclusion.placements.intro')}</p>
      <p className="muted">{t('inclusion.placements.privacy')}</p>
      {query.data && items.length > 0 && (
        <p data-testid="placements-summary">{t('inclusion.placements.summary', { total: items.length, counting })}</p>
      )}
      <LiveMessage message={message} />
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <ProblemAlert error={actionError} focus />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p>{t('inclusion.placements.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="table-stack placements-table" role="table" data-testid="placements-table">
            <caption className="visually-hidden">{t('inclusion.placements.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('inclusion.placements.placement')}</th>
                <th scope="col" role="columnheader">{t('inclusion.placements.job')}</th>
                <th scope="col" role="columnheader">{t('inclusion.placements.hours')}</th>
                <th scope="col" role="columnheader">{t('inclusion.placements.counts')}</th>
                <th scope="col" role="columnheader">{t('inclusion.placements.mentor')}</th>
                <th scope="col" role="columnheader">{t('inclusion.placements.period')}</th>
                {anyEditable && <th scope="col" role="columnheader">{t('inclusion.placements.actionsColumn')}</th>}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((p) => {
                const label = placementLabel(p, t);
                const name = p.nameVisible && p.employeeName ? p.employeeName : null;
                const started = p.startsOn <= today();
                return (
                  <tr role="row" key={p.id} data-placement={p.number} className={p.running ? undefined : 'row-ended'}>
                    <td role="cell" data-label={t('inclusion.placements.placement')}>
                      {name ? (
                        <>
                          <strong className="employee-name">{name}</strong>
                          <span className="placement-label muted">{label}</span>
                        </>
                      ) : (
                        <strong className="placement-label">{label}</strong>
                      )}
                    </td>
                    <td role="cell" data-label={t('inclusion.placements.job')}>
                      {p.jobTitle}
                      <span className="cell-note muted">{t(`inclusion.placements.contractKinds.${p.contractKind}`)}</span>
                    </td>
                    <td role="cell" data-label={t('inclusion.placements.hours')}>
                      {formatHours(p.hoursPerWeek, language)}
                      <span className="cell-note muted">{jobsText(p.jobs, t, language)}</span>
                    </td>
                    <td role="cell" data-label={t('inclusion.placements.counts')}>
                      {p.countsTowardsJobAgreement ? t('inclusion.placements.yes') : t('inclusion.placements.no')}
                      <span className="cell-note muted">
                        {p.registerCheckedOn
                          ? t('inclusion.placements.checkedOn', { date: formatDate(p.registerCheckedOn, language) })
                          : t('inclusion.placements.notChecked')}
                      </span>
                    </td>
                    <td role="cell" data-label={t('inclusion.placements.mentor')}>
                      {p.mentor ? (
                        <>
                          {p.mentor.personName}
                          <span className={num(p.mentor.hoursPerWeek) ? 'cell-note muted' : 'cell-note mentor-no-hours'}>
                            {num(p.mentor.hoursPerWeek)
                              ? t('inclusion.placements.mentorHours', { hours: formatHours(p.mentor.hoursPerWeek, language) })
                              : t('inclusion.placements.mentorNoHours')}
                            {!p.mentor.active && `, ${t('inclusion.placements.mentorInactive')}`}
                          </span>
                        </>
                      ) : (
                        <span className="mentor-no-hours">{t('inclusion.placements.noMentor')}</span>
                      )}
                    </td>
                    <td role="cell" data-label={t('inclusion.placements.period')}>
                      {p.endsOn
                        ? t('inclusion.placements.range', { from: formatDate(p.startsOn, language), to: formatDate(p.endsOn, language) })
                        : t('inclusion.placements.from', { date: formatDate(p.startsOn, language) })}
                      <span className="cell-note muted">
                        {p.running ? t('inclusion.placements.running') : started ? t('inclusion.placements.ended') : t('inclusion.placements.notStarted')}
                      </span>
                    </td>
                    {anyEditable && (
                      <td role="cell" data-label={t('inclusion.placements.actionsColumn')} className="cell-actions">
                        {editable(p) && (
                          <div className="actions">
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => setForm({ mode: 'edit', placement: p })}
                              aria-label={t('inclusion.placements.named', { action: t('inclusion.placements.edit'), name: label })}
                            >
                              {t('inclusion.placements.edit')}
                            </button>
                            {p.running && (
                              <button
                                type="button"
                                className="button button-small"
                                onClick={() => setForm({ mode: 'end', placement: p })}
                                aria-label={t('inclusion.placements.named', { action: t('inclusion.placements.end'), name: label })}
                              >
                                {t('inclusion.placements.end')}
                              </button>
                            )}
                            <ConfirmAction
                              label={t('inclusion.placements.remove')}
                              accessibleLabel={t('inclusion.placements.named', { action: t('inclusion.placements.remove'), name: label })}
                              message={t('inclusion.placements.confirmRemove', { name: label })}
                              confirmLabel={t('inclusion.placements.confirmRemoveButton')}
                              onConfirm={() => onRemove(p)}
                            />
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {form?.mode === 'end' && (
        <EndPlacementForm key={form.placement.etag} track={track} placement={form.placement} onReload={() => query.refetch()} onDone={done} />
      )}
      {form?.mode === 'edit' && (
        <PlacementForm key={form.placement.etag} track={track} placement={form.placement} onReload={() => query.refetch()} onDone={done} />
      )}
      {form?.mode === 'new' && <PlacementForm track={track} onReload={() => query.refetch()} onDone={done} />}
      {!form && canAddPlacement(access, track.boardId) && (
        <p className="no-print">
          <button type="button" className="button" onClick={() => setForm({ mode: 'new' })}>
            {t('inclusion.placements.add')}
          </button>
        </p>
      )}
    </section>
  );
}

/** Ends a running placement: its last working day (today unless said otherwise). */
function EndPlacementForm({
  track,
  placement,
  onReload,
  onDone,
}: {
  track: Track;
  placement: Placement;
  onReload: () => Promise<unknown>;
  onDone: (message: string | null) => void;
}) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const update = useUpdatePlacement(track.id);
  const form = useFormState({ endsOn: today() });
  const { stale, setStale, reloading, reload } = useStale(async () => {
    await onReload();
    onDone(null);
  });
  const label = placementLabel(placement, t);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    if (!form.values.endsOn) {
      form.setFieldErrors({ endsOn: t('common.fieldRequired') });
      return;
    }
    try {
      await update.mutateAsync({ placementId: placement.id, body: { endsOn: form.values.endsOn }, etag: placement.etag });
      onDone(t('inclusion.placements.endedMessage', { name: label, date: formatDate(form.values.endsOn, language) }));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inclusion.placements.endTitle', { name: label })}</h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
      <FormField label={t('inclusion.placements.endsOnField')} error={form.fieldErrors.endsOn} required>
        {(a) => (
          <input
            {...a}
            type="date"
            name="endsOn"
            className="input-date"
            min={placement.startsOn}
            value={form.values.endsOn}
            onChange={(e) => form.setValue('endsOn', e.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('inclusion.placements.endSubmit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
