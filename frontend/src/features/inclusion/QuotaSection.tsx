/**
 * The quota view: per year the board's paid staff hours (kept by the board administrator), the
 * sector's quota with its source, the jobs the quota would ask (hours × quota % ÷ 1,331) and the
 * jobs realised. Information, never a verdict: every sentence starts "Ter informatie".
 */
import { useId, useState, type FormEvent } from 'react';
import { isProblemError } from '../../api/client';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { StaleNotice } from '../../components/StaleNotice';
import { useFormState } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { numberInputText, parseDecimal } from '../../lib/format';
import { useQuotas, useUpdateTrack } from './api';
import { formatHours, formatJobs, formatPercentage } from './format';
import { type Translate, useT } from '../../lib/i18n';
import type { QuotaYear, Track } from './types';
import { isStale, useStale } from '../../lib/stale';

interface Props {
  track: Track;
  etag: string | null;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

/** The sentence for one year, as information. */
export function quotaSentence(row: QuotaYear, t: Translate<'inclusion'>, language: string): string {
  const realised = formatJobs(row.jobsRealised, language);
  if (row.quotaPercentage === null || row.jobsAsked === null) return t('inclusion.quota.infoUnknown', { year: row.year, realised });
  return t('inclusion.quota.info', {
    year: row.year,
    hours: formatHours(row.paidHours, language),
    percentage: formatPercentage(row.quotaPercentage, language),
    jobs: formatJobs(row.jobsAsked, language),
    realised,
  });
}

export function QuotaSection({ track, etag, canManage, onReload }: Props) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const quotas = useQuotas();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const rows = [...track.staffHours].sort((a, b) => b.year - a.year);

  return (
    <section aria-labelledby={`${id}-title`} className="track-section" id="quotum">
      <h2 id={`${id}-title`}>{t('inclusion.quota.title')}</h2>
      <p>{t('inclusion.quota.intro')}</p>
      <p className="muted">{t('inclusion.quota.formula')}</p>
      {rows.length === 0 ? (
        <p>{t('inclusion.quota.none')}</p>
      ) : (
        <>
          <ul className="quota-sentences" data-testid="quota-sentences">
            {rows.map((row) => (
              <li key={row.year}>
                {quotaSentence(row, t, language)}
                {row.levyImposed !== null && (
                  <> {row.levyImposed ? t('inclusion.quota.levyImposed', { year: row.year }) : t('inclusion.quota.levyNone', { year: row.year })}</>
                )}
                {row.quotaSource && <span className="quota-source muted"> {t('inclusion.quota.source', { source: row.quotaSource })}</span>}
              </li>
            ))}
          </ul>
          <div className="table-wrap" role="region" aria-label={t('inclusion.quota.caption')} tabIndex={0}>
            <table className="table-stack" role="table" data-testid="quota-table">
              <caption className="visually-hidden">{t('inclusion.quota.caption')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('inclusion.quota.year')}</th>
                  <th scope="col" role="columnheader" className="numeric">{t('inclusion.quota.paidHours')}</th>
                  <th scope="col" role="columnheader" className="numeric">{t('inclusion.quota.percentage')}</th>
                  <th scope="col" role="columnheader" className="numeric">{t('inclusion.quota.jobsAsked')}</th>
                  <th scope="col" role="columnheader" className="numeric">{t('inclusion.quota.jobsRealised')}</th>
                  <th scope="col" role="columnheader">{t('inclusion.quota.sourceColumn')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {rows.map((row) => (
                  <tr role="row" key={row.year}>
                    <td role="cell" data-label={t('inclusion.quota.year')}>{row.year}</td>
                    <td role="cell" data-label={t('inclusion.quota.paidHours')} className="numeric">{formatHours(row.paidHours, language)}</td>
                    <td role="cell" data-label={t('inclusion.quota.percentage')} className="numeric">
                      {row.quotaPercentage === null ? t('inclusion.quota.unknown') : formatPercentage(row.quotaPercentage, language)}
                    </td>
                    <td role="cell" data-label={t('inclusion.quota.jobsAsked')} className="numeric">
                      {row.jobsAsked === null ? t('inclusion.quota.unknown') : formatJobs(row.jobsAsked, language)}
                    </td>
                    <td role="cell" data-label={t('inclusion.quota.jobsRealised')} className="numeric">{formatJobs(row.jobsRealised, language)}</td>
                    <td role="cell" data-label={t('inclusion.quota.sourceColumn')}>{row.quotaSource ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {quotas.data && quotas.data.length > 0 && (
        <p className="muted" data-testid="known-quotas">
          {t('inclusion.quota.known')}:{' '}
          {quotas.data
            .map((q) => t('inclusion.quota.knownItem', { year: q.year, percentage: formatPercentage(q.percentage, language) }))
            .join('; ')}
        </p>
      )}
      <LiveMessage message={message} />
      {canManage && !editing && (
        <p className="no-print">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('inclusion.quota.edit')}
          </button>
        </p>
      )}
      {canManage && editing && (
        <StaffHoursForm
          key={etag ?? ''}
          track={track}
          etag={etag}
          onReload={onReload}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setMessage(t('inclusion.quota.saved'));
          }}
        />
      )}
    </section>
  );
}

interface Row {
  key: number;
  year: string;
  hours: string;
}

function StaffHoursForm({ track, etag, onReload, onDone }: Omit<Props, 'canManage'> & { onDone: (saved: boolean) => void }) {
  const { t } = useT('inclusion');
  const id = useId();
  const [rows, setRows] = useState<Row[]>(() =>
    [...track.staffHours].sort((a, b) => a.year - b.year).map((h, i) => ({ key: i, year: String(h.year), hours: numberInputText(h.paidHours) })),
  );
  const [nextKey, setNextKey] = useState(track.staffHours.length);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useFormState({});
  const update = useUpdateTrack(track.id);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  function change(key: number, field: 'year' | 'hours', value: string) {
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  }

  function addYear() {
    const last = rows.reduce((max, r) => Math.max(max, Number(r.year) || 0), 0);
    setRows((prev) => [...prev, { key: nextKey, year: last ? String(last + 1) : '', hours: '' }]);
    setNextKey((k) => k + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    const found: Record<string, string> = {};
    const seen = new Set<number>();
    const staffHours: { year: number; paidHours: number }[] = [];
    for (const r of rows) {
      const year = Number(r.year);
      const hours = parseDecimal(r.hours);
      if (!/^\d{4}$/.test(r.year.trim()) || year < 2000 || year > 2100) found[`year-${r.key}`] = t('inclusion.quota.yearInvalid');
      else if (seen.has(year)) found[`year-${r.key}`] = t('inclusion.quota.yearDuplicate');
      if (hours === null || Number.isNaN(hours)) found[`hours-${r.key}`] = t('inclusion.quota.hoursInvalid');
      seen.add(year);
      if (hours !== null && !Number.isNaN(hours)) staffHours.push({ year, paidHours: hours });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      form.setFieldErrors({});
      return;
    }
    try {
      await update.mutateAsync({ body: { staffHours }, etag });
      onDone(true);
    } catch (error) {
      if (isStale(error)) setStale(true);
      else {
        // `staffHours.1.paidHours` and the like: put the reason next to that row's field.
        const mapped: Record<string, string> = {};
        if (isProblemError(error)) {
          for (const p of error.invalidParams) {
            const m = /staffHours\.(\d+)\.(year|paidHours)/.exec(p.name);
            const row = m ? rows[Number(m[1])] : undefined;
            if (m && row) mapped[`${m[2] === 'year' ? 'year' : 'hours'}-${row.key}`] = p.reason;
          }
        }
        setErrors(mapped);
        form.applyError(error);
      }
    }
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inclusion.quota.editTitle')}</h3>
      <p className="muted">{t('inclusion.quota.editIntro')}</p>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      {hasErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <FormErrorSummary error={form.formError} hasFieldErrors={hasErrors} />
      <ul className="plain-list staff-hours-rows">
        {rows.map((r) => {
          const yearError = errors[`year-${r.key}`];
          const hoursError = errors[`hours-${r.key}`];
          const yearLabel = r.year.trim() || '…';
          return (
            <li key={r.key} className="field-row">
              <div className={yearError ? 'field field-invalid' : 'field'}>
                <label htmlFor={`${id}-year-${r.key}`}>{t('inclusion.quota.yearField')}</label>
                <input
                  id={`${id}-year-${r.key}`}
                  name="year"
                  className="input-short"
                  inputMode="numeric"
                  maxLength={4}
                  value={r.year}
                  aria-invalid={yearError ? true : undefined}
                  aria-describedby={yearError ? `${id}-year-${r.key}-error` : undefined}
                  onChange={(e) => change(r.key, 'year', e.target.value)}
                />
                {yearError && (
                  <p className="field-error" id={`${id}-year-${r.key}-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {yearError}
                  </p>
                )}
              </div>
              <div className={hoursError ? 'field field-invalid' : 'field'}>
                <label htmlFor={`${id}-hours-${r.key}`}>{t('inclusion.quota.hoursField', { year: yearLabel })}</label>
                <input
                  id={`${id}-hours-${r.key}`}
                  name="paidHours"
                  inputMode="decimal"
                  maxLength={16}
                  value={r.hours}
                  aria-invalid={hoursError ? true : undefined}
                  aria-describedby={hoursError ? `${id}-hours-${r.key}-error` : undefined}
                  onChange={(e) => change(r.key, 'hours', e.target.value)}
                />
                {hoursError && (
                  <p className="field-error" id={`${id}-hours-${r.key}-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {hoursError}
                  </p>
                )}
              </div>
              <div className="field field-button">
                <button type="button" className="button button-small" onClick={() => setRows((prev) => prev.filter((x) => x.key !== r.key))}>
                  {t('inclusion.quota.removeYear', { year: yearLabel })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p>
        <button type="button" className="button button-small" onClick={addYear}>
          {t('inclusion.quota.addYear')}
        </button>
      </p>
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

