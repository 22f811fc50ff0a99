/** Entering one measurement: indicator, school, period (in the indicator's format), value and a note. */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAllSchools } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCreateMeasurement, useIndicators } from './api';
import { existingMeasurementId, measurementFieldErrors, type MeasurementField } from './errors';
import { formatValue, indicatorName } from './format';
import { useIT } from './i18n';
import { byDomain } from './scopes';
import './indicators.css';

type Values = Record<MeasurementField, string>;
const EMPTY: Values = { indicator: '', schoolId: '', period: '', value: '', note: '' };

/** "64,5" and "64.5" both mean 64.5; anything else is not a number. */
export function parseValue(text: string): number | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

export function MeasurementFormPage() {
  const { t, language } = useIT();
  const navigate = useNavigate();
  useDocumentTitle(t('indicators.entry.title'));
  const catalogue = useIndicators();
  const schools = useAllSchools();
  const create = useCreateMeasurement();
  const idempotencyKey = useRef(crypto.randomUUID());
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Values>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const enterable = (catalogue.data ?? []).filter((i) => !i.derived);
  const indicator = enterable.find((i) => i.code === values.indicator) ?? null;
  const set = (name: MeasurementField, value: string) => setValues((prev) => ({ ...prev, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Partial<Values> = {};
    if (!values.indicator) local.indicator = t('indicators.entry.errors.required');
    if (!values.schoolId) local.schoolId = t('indicators.entry.errors.required');
    if (!values.period.trim()) local.period = t('indicators.entry.errors.required');
    const value = parseValue(values.value);
    if (value === null) local.value = values.value.trim() ? t('indicators.entry.errors.notANumber') : t('indicators.entry.errors.required');
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      setFormError(null);
      return;
    }
    try {
      const saved = await create.mutateAsync({
        idempotencyKey: idempotencyKey.current,
        body: {
          indicator: values.indicator,
          schoolId: Number(values.schoolId),
          period: values.period.trim(),
          value: String(value),
          note: values.note.trim() || null,
        },
      });
      navigate(`/indicators?indicator=${encodeURIComponent(saved.indicator)}&scope=school:${saved.schoolId}`, {
        state: {
          flash: t('indicators.entry.saved', {
            value: indicator ? formatValue(saved.value, indicator.unit, language) : saved.value,
            period: saved.period,
          }),
        },
      });
    } catch (error) {
      // A new attempt after an error is a new creation.
      idempotencyKey.current = crypto.randomUUID();
      setFieldErrors(measurementFieldErrors(error, indicator, t));
      setFormError(error);
    }
  }

  if (catalogue.isPending || schools.isPending) return <Loading />;
  const existing = existingMeasurementId(formError);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  return (
    <>
      <h1>{t('indicators.entry.title')}</h1>
      <p className="lead">{t('indicators.entry.intro')}</p>
      <ProblemAlert error={catalogue.error ?? schools.error} />
      {existing !== null ? (
        <div className="alert alert-error" role="alert" data-testid="duplicate">
          <p>{t('indicators.entry.duplicate', { id: existing })}</p>
          <p>
            <Link to={`/indicators?indicator=${encodeURIComponent(values.indicator)}&scope=school:${values.schoolId}`}>
              {t('indicators.entry.duplicateLink')}
            </Link>
          </p>
        </div>
      ) : (
        <FormErrorSummary error={formError} hasFieldErrors={hasFieldErrors} />
      )}
      <form className="form narrow-form" onSubmit={onSubmit} noValidate>
        <FormField label={t('indicators.entry.indicator')} error={fieldErrors.indicator} required>
          {(a11y) => (
            <select {...a11y} name="indicator" value={values.indicator} onChange={(e) => set('indicator', e.target.value)}>
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
        <FormField label={t('indicators.entry.school')} error={fieldErrors.schoolId} required>
          {(a11y) => (
            <select {...a11y} name="schoolId" value={values.schoolId} onChange={(e) => set('schoolId', e.target.value)}>
              <option value="">{t('indicators.entry.chooseSchool')}</option>
              {(schools.data ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('indicators.entry.period')}
          error={fieldErrors.period}
          required
          hint={
            indicator
              ? t('indicators.entry.periodHint', {
                  frequency: t(`indicators.frequencies.${indicator.frequency}`),
                  format: t(`indicators.formats.${indicator.frequency}`),
                })
              : t('indicators.entry.periodHintNone')
          }
        >
          {(a11y) => <input {...a11y} name="period" value={values.period} onChange={(e) => set('period', e.target.value)} size={12} />}
        </FormField>
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
