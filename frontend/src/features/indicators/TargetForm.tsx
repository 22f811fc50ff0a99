/** Setting the target of the dashboard's indicator for its school or board (PUT /targets replaces one). */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { useSetTarget } from './api';
import { measurementFieldErrors, type MeasurementField } from './errors';
import { formatValue, indicatorName } from './format';
import { useT } from '../../lib/i18n';
import type { EntryScope } from './permissions';
import { parseValue } from './values';
import { scopeBody } from './scopes';
import type { Indicator } from './types';

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
  const [period, setPeriod] = useState(defaultPeriod);
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
    if (!period.trim()) local.period = t('indicators.entry.errors.required');
    if (number === null) local.value = value.trim() ? t('indicators.entry.errors.notANumber') : t('indicators.entry.errors.required');
    setFieldErrors(local);
    if (Object.keys(local).length > 0 || number === null) return;
    try {
      const target = await setTarget.mutateAsync({ ...scopeBody(scope), indicator: indicator.code, period: period.trim(), value: String(number) });
      setSaved(t('indicators.target.saved', { value: formatValue(target.value, indicator.unit, language), period: target.period }));
      setValue('');
    } catch (problem) {
      setFieldErrors(measurementFieldErrors(problem, indicator, t));
      setError(problem);
    }
  }

  const format = t(`indicators.formats.${indicator.frequency}`);
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
        <FormField label={t('indicators.target.period')} hint={format} error={fieldErrors.period} required>
          {(a11y) => <input {...a11y} name="period" value={period} onChange={(e) => setPeriod(e.target.value)} size={10} />}
        </FormField>
        <FormField
          label={t('indicators.target.value')}
          hint={t(`indicators.entry.valueHint.${indicator.unit}`)}
          error={fieldErrors.value}
          required
        >
          {(a11y) => <input {...a11y} name="value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={10} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={setTarget.isPending}>
            {t('indicators.target.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
