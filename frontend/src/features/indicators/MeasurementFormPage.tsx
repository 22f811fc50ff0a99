/**
 * Entering one measurement: indicator, school or board, period (in the indicator's format), value and
 * a note. A value that exists already (409) can be replaced on the spot: read with its ETag, changed
 * with If-Match, so that a change someone else made meanwhile is not overwritten unseen.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { PeriodPicker, periodParts } from '../../components/PeriodPicker';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAllBoards, useAllSchools } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canSeeBoards } from '../../lib/auth/permissions';
import { useCreateMeasurement, useIndicators, useMeasurement, useUpdateMeasurement } from './api';
import { existingMeasurementId, measurementFieldErrors, type MeasurementField } from './errors';
import { formatValue, indicatorName } from './format';
import { type Translate, useT } from '../../lib/i18n';
import { canEnterFor } from './permissions';
import { byDomain, entryScope, scopeBody, scopeOptions } from './scopes';
import { ScopeOptionGroups } from './ScopeOptionGroups';
import type { Indicator, Measurement } from './types';
import { parseValue } from './values';
import './indicators.css';

type Field = Exclude<MeasurementField, 'schoolId' | 'boardId' | 'year'> | 'scope';
type Values = Record<Field, string>;

/** The API names the scope `schoolId` or `boardId`; the form has one field for both. */
function formErrors(errors: Partial<Record<MeasurementField, string>>): Partial<Values> {
  const { schoolId, boardId, year: _year, ...rest } = errors;
  const scope = schoolId ?? boardId;
  return scope ? { ...rest, scope } : rest;
}

export function MeasurementFormPage() {
  const { t, language } = useT('indicators');
  const user = useUser();
  const access = useAccess();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('indicators.entry.title'));
  const catalogue = useIndicators();
  const boards = useAllBoards(canSeeBoards(access));
  const schools = useAllSchools();
  const create = useCreateMeasurement();
  const update = useUpdateMeasurement();
  const idempotencyKey = useRef(crypto.randomUUID());
  const [values, setValues] = useState<Values>({
    indicator: params.get('indicator') ?? '',
    scope: params.get('scope') ?? '',
    period: '',
    value: '',
    note: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Values>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const enterable = (catalogue.data ?? []).filter((i) => !i.derived);
  const indicator = enterable.find((i) => i.code === values.indicator) ?? null;
  const scopes = scopeOptions(access, user, boards.data, schools.data, false).filter((option) => {
    const scope = entryScope(option);
    return scope !== null && canEnterFor(access, scope);
  });
  const chosen = scopes.find((s) => s.value === values.scope) ?? null;
  const set = (name: Field, value: string) => setValues((prev) => ({ ...prev, [name]: value }));
  // A period picked for another indicator stays only if it fits this one's frequency.
  const chooseIndicator = (code: string) => {
    const next = enterable.find((i) => i.code === code);
    setValues((prev) => ({ ...prev, indicator: code, period: next && periodParts(next.frequency, prev.period).year ? prev.period : '' }));
  };
  const dashboard = `/indicators?indicator=${encodeURIComponent(values.indicator)}&scope=${encodeURIComponent(values.scope)}`;

  // After a 409: the existing value, with its ETag.
  const existingId = existingMeasurementId(formError);
  const existing = useMeasurement(existingId);

  function done(saved: Measurement, key: 'indicators.entry.saved' | 'indicators.entry.updated') {
    const scope = saved.schoolId !== null ? `school:${saved.schoolId}` : `board:${saved.boardId}`;
    navigate(`/indicators?indicator=${encodeURIComponent(saved.indicator)}&scope=${scope}`, {
      state: {
        flash: t(key, { value: indicator ? formatValue(saved.value, indicator.unit, language) : saved.value, period: saved.period }),
      },
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Partial<Values> = {};
    if (!values.indicator) local.indicator = t('indicators.entry.errors.required');
    if (!chosen) local.scope = t('indicators.entry.errors.required');
    if (!values.period.trim()) local.period = t('indicators.entry.errors.required');
    const value = parseValue(values.value);
    if (value === null) local.value = values.value.trim() ? t('indicators.entry.errors.notANumber') : t('indicators.entry.errors.required');
    const scope = entryScope(chosen);
    if (Object.keys(local).length > 0 || scope === null || value === null) {
      setFieldErrors(local);
      setFormError(null);
      return;
    }
    try {
      const saved = await create.mutateAsync({
        idempotencyKey: idempotencyKey.current,
        body: {
          ...scopeBody(scope),
          indicator: values.indicator,
          period: values.period.trim(),
          value: String(value),
          note: values.note.trim() || null,
        },
      });
      done(saved, 'indicators.entry.saved');
    } catch (error) {
      // A new attempt after an error is a new creation.
      idempotencyKey.current = crypto.randomUUID();
      setFieldErrors(formErrors(measurementFieldErrors(error, indicator, t)));
      setFormError(error);
    }
  }

  async function replace() {
    const value = parseValue(values.value);
    if (!existing.data || value === null) return;
    try {
      const note = values.note.trim();
      const saved = await update.mutateAsync({
        id: existing.data.data.id,
        etag: existing.data.etag,
        body: { value: String(value), ...(note ? { note } : {}) },
      });
      done(saved, 'indicators.entry.updated');
    } catch {
      // 412: changed by someone else meanwhile; show the value as it is now.
      void existing.refetch();
    }
  }

  if (catalogue.isPending || schools.isPending || boards.isLoading) return <Loading />;
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const typed = parseValue(values.value);

  return (
    <>
      <h1>{t('indicators.entry.title')}</h1>
      <p className="lead">{t('indicators.entry.intro')}</p>
      <ProblemAlert error={catalogue.error ?? schools.error ?? boards.error} />
      {existingId !== null ? (
        <div className="alert alert-error" role="alert" data-testid="duplicate">
          <p>
            {t('indicators.entry.duplicate', {
              id: existingId,
              current: existing.data && indicator ? formatValue(existing.data.data.value, indicator.unit, language) : '…',
            })}
          </p>
          {isProblemError(update.error) && update.error.status === 412 && <p>{t('indicators.entry.changedMeanwhile')}</p>}
          <ProblemAlert error={isProblemError(update.error) && update.error.status === 412 ? null : update.error} />
          <p className="actions">
            {existing.data && typed !== null && indicator && (
              <button type="button" className="button button-primary" disabled={update.isPending} onClick={() => void replace()}>
                {t('indicators.entry.replace', { value: formatValue(typed, indicator.unit, language) })}
              </button>
            )}
            <Link to={dashboard}>{t('indicators.entry.duplicateLink')}</Link>
          </p>
        </div>
      ) : (
        <FormErrorSummary error={formError} hasFieldErrors={hasFieldErrors} />
      )}
      <form className="form narrow-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormField label={t('indicators.entry.indicator')} error={fieldErrors.indicator} required>
          {(a11y) => (
            <select {...a11y} name="indicator" value={values.indicator} onChange={(e) => chooseIndicator(e.target.value)}>
              <option value="">{t('indicators.entry.chooseIndicator')}</option>
              {byDomain(enterable).map(([domain, list]) => (
                <optgroup key={domain} label={t(`indicators.domains.${domain}`)}>
                  {list.map((i) => (
                    <option key={i.code} value={i.code}>
                      {indicatorName(i, language)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('indicators.entry.scope')} error={fieldErrors.scope} required>
          {(a11y) => (
            <select {...a11y} name="scope" value={values.scope} onChange={(e) => set('scope', e.target.value)}>
              <option value="">{t('indicators.entry.chooseScope')}</option>
              <ScopeOptionGroups scopes={scopes} kinds={['school', 'board']} label={(kind) => t(kind === 'board' ? 'indicators.entry.boards' : 'indicators.entry.schools')} />
            </select>
          )}
        </FormField>
        {indicator ? (
          <>
            <PeriodPicker
              key={indicator.frequency}
              label={t('indicators.entry.period')}
              frequency={indicator.frequency}
              value={values.period}
              onChange={(period) => set('period', period)}
              error={fieldErrors.period}
              required
            />
            <p className="field-hint">{periodHint(indicator, t)}</p>
          </>
        ) : (
          <p className="field-hint">{periodHint(indicator, t)}</p>
        )}
        <FormField
          label={t('indicators.entry.value')}
          error={fieldErrors.value}
          required
          hint={indicator ? t(`indicators.entry.valueHint.${indicator.unit}`) : undefined}
        >
          {(a11y) => (
            <input {...a11y} name="value" inputMode="decimal" value={values.value} onChange={(e) => set('value', e.target.value)} size={12} />
          )}
        </FormField>
        <FormField label={t('indicators.entry.note')} error={fieldErrors.note}>
          {(a11y) => <textarea {...a11y} name="note" rows={3} value={values.note} onChange={(e) => set('note', e.target.value)} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('indicators.entry.save')}
          </button>
          <Link to="/indicators" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

function periodHint(indicator: Indicator | null, t: Translate<'indicators'>): string {
  if (!indicator) return t('indicators.entry.periodHintNone');
  return t('indicators.entry.periodHint', {
    frequency: t(`indicators.frequencies.${indicator.frequency}`),
    format: t(`indicators.formats.${indicator.frequency}`),
  });
}
