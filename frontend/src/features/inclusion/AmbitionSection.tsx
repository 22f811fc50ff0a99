/**
 * The ambition (jobs and/or hours a week, by a target date) against the jobs realised: the figures,
 * a chart of the months with the same figures in a table, and the board administrator's form.
 */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { changedFields, str, useFormState } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { dateOrNull, formatDate, numberInputText, parseDecimal } from '../../lib/format';
import { useProgress, useUpdateTrack } from './api';
import { formatHours, formatJobs, formatMonth, jobsText, num } from './format';
import { useT } from '../../lib/i18n';
import { ProgressChart } from './ProgressChart';
import type { Track, TrackUpdate } from './types';
import { isStale, useStale } from '../../lib/stale';

interface Props {
  track: Track;
  etag: string | null;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

export function AmbitionSection({ track, etag, canManage, onReload }: Props) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const progress = useProgress(track.id);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ambition = num(track.ambitionInJobs);
  const hours = num(track.ambitionHoursPerWeek);

  return (
    <section aria-labelledby={`${id}-title`} className="track-section print-plan-part" id="ambitie">
      <h2 id={`${id}-title`}>{t('inclusion.ambition.title')}</h2>
      <dl className="details" data-testid="ambition">
        <dt>{t('inclusion.ambition.ambition')}</dt>
        <dd>
          {ambition === null ? (
            t('inclusion.ambition.none')
          ) : (
            <>
              {jobsText(ambition, t, language)}
              {hours !== null && num(track.ambitionJobs) === null && <> ({t('inclusion.ambition.hours', { hours: formatHours(hours, language) })})</>}
            </>
          )}
        </dd>
        <dt>{t('inclusion.ambition.target')}</dt>
        <dd>{track.targetDate ? formatDate(track.targetDate, language) : t('inclusion.ambition.noTarget')}</dd>
        <dt>{t('inclusion.ambition.realisedNow')}</dt>
        <dd data-testid="jobs-realised">{jobsText(track.jobsRealised, t, language)}</dd>
        {track.ambitionNotes && (
          <>
            <dt>{t('inclusion.ambition.notes')}</dt>
            <dd className="prewrap">{track.ambitionNotes}</dd>
          </>
        )}
      </dl>
      <p className="muted">{t('inclusion.ambition.jobExplained')}</p>
      <LiveMessage message={message} />
      {canManage && !editing && (
        <p className="no-print">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('inclusion.ambition.edit')}
          </button>
        </p>
      )}
      {canManage && editing && (
        <AmbitionForm
          key={etag ?? ''}
          track={track}
          etag={etag}
          onReload={onReload}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setMessage(t('inclusion.ambition.saved'));
          }}
        />
      )}

      <div className="no-print-plan">
        {progress.isPending && <Loading />}
        {progress.isError && <ProblemAlert error={progress.error} onRetry={() => void progress.refetch()} />}
        {progress.data && progress.data.months.length === 0 && <p>{t('inclusion.ambition.noMonths')}</p>}
        {progress.data && progress.data.months.length > 0 && (
          <div className="progress-and-table">
            <ProgressChart progress={progress.data} title={t('inclusion.ambition.chartTitle')} />
            <h3 id={`${id}-months`}>{t('inclusion.ambition.tableTitle')}</h3>
            <div className="table-wrap months-table" role="region" aria-labelledby={`${id}-months`} tabIndex={0}>
              <table data-testid="progress-table">
                <caption className="visually-hidden">{t('inclusion.ambition.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inclusion.ambition.month')}</th>
                    <th scope="col" className="numeric">{t('inclusion.ambition.jobsColumn')}</th>
                    <th scope="col" className="numeric">{t('inclusion.ambition.ambitionColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.data.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{formatMonth(m.month, language)}</th>
                      <td className="numeric">{formatJobs(m.jobs, language)}</td>
                      <td className="numeric">{m.ambition === null ? t('common.none') : formatJobs(m.ambition, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

type AmbitionValues = { ambitionJobs: string; ambitionHoursPerWeek: string; targetDate: string; ambitionNotes: string };

function AmbitionForm({ track, etag, onReload, onDone }: Omit<Props, 'canManage'> & { onDone: (saved: boolean) => void }) {
  const { t } = useT('inclusion');
  const id = useId();
  const initial: AmbitionValues = {
    ambitionJobs: numberInputText(track.ambitionJobs),
    ambitionHoursPerWeek: numberInputText(track.ambitionHoursPerWeek),
    targetDate: str(track.targetDate),
    ambitionNotes: str(track.ambitionNotes),
  };
  const form = useFormState<AmbitionValues>(initial);
  const { values, setValue, fieldErrors } = form;
  const update = useUpdateTrack(track.id);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    const jobs = parseDecimal(values.ambitionJobs);
    const hours = parseDecimal(values.ambitionHoursPerWeek);
    const errors: Partial<Record<keyof AmbitionValues, string>> = {};
    if (Number.isNaN(jobs)) errors.ambitionJobs = t('inclusion.ambition.numberInvalid');
    if (Number.isNaN(hours)) errors.ambitionHoursPerWeek = t('inclusion.ambition.numberInvalid');
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    const changed = changedFields(initial, values);
    if (changed.length === 0) {
      onDone(false);
      return;
    }
    const body: TrackUpdate = {};
    if (changed.includes('ambitionJobs')) body.ambitionJobs = jobs;
    if (changed.includes('ambitionHoursPerWeek')) body.ambitionHoursPerWeek = hours;
    if (changed.includes('targetDate')) body.targetDate = dateOrNull(values.targetDate);
    if (changed.includes('ambitionNotes')) body.ambitionNotes = values.ambitionNotes.trim() || null;
    try {
      await update.mutateAsync({ body, etag });
      onDone(true);
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inclusion.ambition.editTitle')}</h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <div className="field-row">
        <FormField label={t('inclusion.ambition.jobsField')} hint={t('inclusion.ambition.jobsHint')} error={fieldErrors.ambitionJobs}>
          {(a) => (
            <input {...a} name="ambitionJobs" className="input-short" inputMode="decimal" maxLength={10} value={values.ambitionJobs} onChange={(e) => setValue('ambitionJobs', e.target.value)} />
          )}
        </FormField>
        <FormField label={t('inclusion.ambition.hoursField')} hint={t('inclusion.ambition.hoursHint')} error={fieldErrors.ambitionHoursPerWeek}>
          {(a) => (
            <input
              {...a}
              name="ambitionHoursPerWeek"
              className="input-short"
              inputMode="decimal"
              maxLength={10}
              value={values.ambitionHoursPerWeek}
              onChange={(e) => setValue('ambitionHoursPerWeek', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('inclusion.ambition.targetField')} error={fieldErrors.targetDate}>
          {(a) => <input {...a} type="date" name="targetDate" className="input-date" value={values.targetDate} onChange={(e) => setValue('targetDate', e.target.value)} />}
        </FormField>
      </div>
      <FormField label={t('inclusion.ambition.notesField')} error={fieldErrors.ambitionNotes}>
        {(a) => <textarea {...a} name="ambitionNotes" rows={3} maxLength={2000} value={values.ambitionNotes} onChange={(e) => setValue('ambitionNotes', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
