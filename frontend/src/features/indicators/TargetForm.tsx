/**
 * Setting the target of the dashboard's indicator for its school or board: for one period, picked
 * (PUT /targets replaces one), or for every period of a school year or calendar year at once
 * (PUT /targets/year).
 */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { PeriodPicker } from '../../components/PeriodPicker';
import { currentYear } from '../../lib/clock';
import { useSetTarget, useSetYearTargets } from './api';
import { measurementFieldErrors, type MeasurementField } from './errors';
import { formatValue, indicatorName } from './format';
import { useT } from '../../lib/i18n';
import type { EntryScope } from './permissions';
import { parseValue } from './values';
import { scopeBody } from './scopes';
import type { Indicator } from './types';

type Span = 'period' | 'year';

/** The years a target can be set for: school years, and calendar years unless the indicator is per school year. */
export function targetYears(frequency: Indicator['frequency'], now = currentYear()): { schoolYears: string[]; calendarYears: string[] } {
  const firsts = [now - 1, now, now + 1, now + 2];
  return {
    schoolYears: firsts.map((y) => `${y}-${y + 1}`),
    calendarYears: frequency === 'school-year' ? [] : firsts.map(String),
  };
}

export function TargetForm({
  indicator,
  scope,
  scopeName,
  defaultPeriod,
}: {
  indicator: Indicator;
  scope: EntryScope;
  scopeName: string;
  defaultPeriod: string;
}) {
  const { t, language } = useT('indicators');
  const id = useId();
  const setTarget = useSetTarget();
  const setYear = useSetYearTargets();
  const [span, setSpan] = useState<Span>('period');
  const [period, setPeriod] = useState(defaultPeriod);
  const years = targetYears(indicator.frequency);
  const [year, setYearValue] = useState(years.schoolYears[1] ?? '');
  const [value, setValue] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MeasurementField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setError(null);
    const number = parseValue(value);
    const local: Partial<Record<MeasurementField, string>> = {};
    if (span === 'period' && !period) local.period = t('indicators.entry.errors.required');
    if (span === 'year' && !year) local.year = t('indicators.entry.errors.required');
    if (number === null) local.value = value.trim() ? t('indicators.entry.errors.notANumber') : t('indicators.entry.errors.required');
    setFieldErrors(local);
    if (Object.keys(local).length > 0 || number === null) return;
    const shown = (v: string | number) => formatValue(Number(v), indicator.unit, language);
    try {
      if (span === 'period') {
        const target = await setTarget.mutateAsync({ ...scopeBody(scope), indicator: indicator.code, period, value: String(number) });
        setSaved(t('indicators.target.saved', { value: shown(target.value), period: target.period }));
      } else {
        const targets = await setYear.mutateAsync({ ...scopeBody(scope), indicator: indicator.code, year, value: String(number) });
        setSaved(t('indicators.target.savedYear', { value: shown(number), year, count: targets.length }));
      }
      setValue('');
    } catch (problem) {
      setFieldErrors(measurementFieldErrors(problem, indicator, t));
      setError(problem);
    }
  }

  return (
    <section className="target-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('indicators.target.title')}</h3>
      <p>{t('indicators.target.intro', { indicator: indicatorName(indicator, language), scope: scopeName })}</p>
      <FormErrorSummary error={error} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      {saved && (
        <p className="alert alert-success" role="status">
          {saved}
        </p>
      )}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
        <fieldset className="field">
          <legend>{t('indicators.target.span')}</legend>
          {(['period', 'year'] as const).map((option) => (
            <label key={option} className="choice-inline">
              <input type="radio" name="span" value={option} checked={span === option} onChange={() => setSpan(option)} />{' '}
              {t(option === 'period' ? 'indicators.target.onePeriod' : 'indicators.target.wholeYear')}
            </label>
          ))}
        </fieldset>
        {span === 'period' ? (
          <PeriodPicker label={t('indicators.target.period')} frequency={indicator.frequency} value={period} onChange={setPeriod} error={fieldErrors.period} required />
        ) : (
          <FormField label={t('indicators.target.year')} hint={t('indicators.target.yearHint')} error={fieldErrors.year} required>
            {(a11y) => (
              <select {...a11y} name="year" value={year} onChange={(e) => setYearValue(e.target.value)}>
                <optgroup label={t('indicators.target.schoolYears')}>
                  {years.schoolYears.map((y) => (
                    <option key={y} value={y}>
                      {y.replace('-', '–')}
                    </option>
                  ))}
                </optgroup>
                {years.calendarYears.length > 0 && (
                  <optgroup label={t('indicators.target.calendarYears')}>
                    {years.calendarYears.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            )}
          </FormField>
        )}
        <FormField
          label={t('indicators.target.value')}
          hint={t(`indicators.entry.valueHint.${indicator.unit}`)}
          error={fieldErrors.value}
          required
        >
          {(a11y) => <input {...a11y} name="value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={10} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={setTarget.isPending || setYear.isPending}>
            {t('indicators.target.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
