import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrorMessage } from '../../lib/forms';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatMoney, isNegative, negateMoney, type Money } from '../../lib/money';
import { asTFunction } from '../../lib/i18n';
import { useAllowanceCheck, useRuleSets } from './api';
import {
  buildRequest,
  freeMonth,
  hasErrors,
  mapInvalidParam,
  monthRow,
  validate,
  type AgeMode,
  type CalculatorErrors,
  type CalculatorValues,
  type MonthRow,
  type RowField,
} from './calculator';
import { currentYear, periodLabel } from './format';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { violationText, warningText } from './messages';
import { HeadRow, MessageList, Notice } from './Notices';
import type { CheckResult } from './types';

const RESULT_COLUMNS = ['month', 'allowance', 'expenses', 'counted', 'hourlyRate'] as const;
const NO_ERRORS: CalculatorErrors = { rows: {} };

/** The years offered: those with rules, this year and the next. */
function yearOptions(ruleYears: number[], thisYear: number): number[] {
  return [...new Set([...ruleYears, thisYear, thisYear + 1])].sort((a, b) => b - a);
}

export function CalculatorPage() {
  const { t, i18n, language } = useT('keypersons');
  const id = useId();
  useDocumentTitle(t('keyPersons.calculator.title'));
  const rules = useRuleSets();
  const check = useAllowanceCheck();
  const thisYear = currentYear();
  const [values, setValues] = useState<CalculatorValues>(() => ({
    year: thisYear,
    hourly: false,
    age: '',
    birthDate: '',
    rows: [monthRow(1), monthRow(2), monthRow(3)],
  }));
  const [errors, setErrors] = useState<CalculatorErrors>(NO_ERRORS);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [missing, setMissing] = useState<{ year: number; latestYear: number | null } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const years = yearOptions((rules.data ?? []).map((r) => r.year), thisYear);

  useEffect(() => {
    if (result || missing) resultRef.current?.focus();
  }, [result, missing]);
  useEffect(() => {
    if (focusRow === null) return;
    document.querySelector<HTMLSelectElement>(`[data-row-key="${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  function set<K extends keyof CalculatorValues>(name: K, value: CalculatorValues[K]) {
    setValues((prev) => ({ ...prev, [name]: value }));
  }
  function setRow(index: number, change: Partial<MonthRow>) {
    setValues((prev) => ({ ...prev, rows: prev.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) }));
  }
  function addRow() {
    const month = freeMonth(values.rows);
    if (month === null) return;
    const row = monthRow(month);
    setValues((prev) => ({ ...prev, rows: [...prev.rows, row] }));
    setFocusRow(row.key);
  }
  function removeRow(index: number) {
    setValues((prev) => ({ ...prev, rows: prev.rows.filter((_, i) => i !== index) }));
    setErrors(NO_ERRORS);
    addRef.current?.focus();
  }

  async function run(fallbackToLatest: boolean) {
    setFailure(null);
    const found = validate(values, t);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const answer = await check.mutateAsync({ body: buildRequest(values, fallbackToLatest), language });
      setMissing(null);
      setResult(answer);
    } catch (error) {
      setResult(null);
      if (isProblemError(error) && error.status === 404) {
        const latest = error.extensions.latestYear;
        setMissing({ year: values.year, latestYear: typeof latest === 'number' ? latest : null });
        return;
      }
      setMissing(null);
      const mapped: CalculatorErrors = { rows: {} };
      if (isProblemError(error)) {
        for (const p of error.invalidParams) {
          const target = mapInvalidParam(values, p.name);
          if (!target) continue;
          const message = fieldErrorMessage({ ...p, name: target.field }, asTFunction(t), i18n);
          if (target.row !== undefined) {
            const row = (mapped.rows[target.row] ??= {});
            row[target.field as RowField] ??= message;
          } else if (target.field === 'age' || target.field === 'birthDate' || target.field === 'year') {
            mapped[target.field] ??= message;
          }
        }
      }
      setErrors(mapped);
      setFailure(error);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(false);
  }

  const anyErrors = hasErrors(errors);
  return (
    <>
      <KeyPersonTabs />
      <h1>{t('keyPersons.calculator.title')}</h1>
      <p className="lead">{t('keyPersons.calculator.intro')}</p>
      <form className="form calculator-form" onSubmit={onSubmit} noValidate>
        {anyErrors && (
          <div className="alert alert-error" role="alert">
            {t('common.formHasErrors')}
          </div>
        )}
        {failure !== null && !anyErrors && <ProblemAlert error={failure} focus />}
        <div className="field-row">
          <FormField label={t('keyPersons.calculator.year')} error={errors.year} required>
            {(a) => (
              <select {...a} name="year" value={String(values.year)} onChange={(e) => set('year', Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('keyPersons.calculator.age')} error={errors.age} hint={t('keyPersons.calculator.ageHint')} required={values.hourly}>
            {(a) => (
              <select {...a} name="age" value={values.age} onChange={(e) => set('age', e.target.value as AgeMode)}>
                <option value="">{t('keyPersons.calculator.ageUnknown')}</option>
                <option value="21-plus">{t('keyPersons.ageBands.21-plus')}</option>
                <option value="under-21">{t('keyPersons.ageBands.under-21')}</option>
                <option value="birthDate">{t('keyPersons.calculator.ageByBirthDate')}</option>
              </select>
            )}
          </FormField>
          {values.age === 'birthDate' && (
            <FormField label={t('keyPersons.calculator.birthDate')} error={errors.birthDate} hint={t('keyPersons.calculator.birthDateHint')} required>
              {(a) => (
                <input {...a} type="date" name="birthDate" className="input-date" value={values.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
              )}
            </FormField>
          )}
        </div>
        <div className="checkbox-field">
          <input id={`${id}-hourly`} type="checkbox" checked={values.hourly} onChange={(e) => set('hourly', e.target.checked)} />
          <label htmlFor={`${id}-hourly`}>{t('keyPersons.calculator.hourly')}</label>
          <p className="field-hint">{t('keyPersons.calculator.hourlyHint')}</p>
        </div>

        <h2>{t('keyPersons.calculator.months')}</h2>
        <p className="field-hint">{t('keyPersons.calculator.monthsHint')}</p>
        <ol className="month-rows">
          {values.rows.map((row, index) => {
            const rowErrors = errors.rows[index] ?? {};
            const name = periodLabel(`${values.year}-${String(row.month).padStart(2, '0')}`, language);
            return (
              <li key={row.key}>
                <fieldset className="month-row" aria-label={t('keyPersons.calculator.rowLabel', { month: name })}>
                  <FormField label={t('keyPersons.calculator.month')} error={rowErrors.month}>
                    {(a) => (
                      <select
                        {...a}
                        data-row-key={row.key}
                        value={String(row.month)}
                        onChange={(e) => setRow(index, { month: Number(e.target.value) })}
                      >
                        {Array.from({ length: 12 }, (_, m) => m + 1).map((m) => (
                          <option key={m} value={String(m)}>
                            {periodLabel(`${values.year}-${String(m).padStart(2, '0')}`, language)}
                          </option>
                        ))}
                      </select>
                    )}
                  </FormField>
                  {(['allowance', 'expenses', 'hours'] as const).map((f) => (
                    <FormField key={f} label={t(`keyPersons.calculator.${f}`)} error={rowErrors[f]} required={f === 'hours' && values.hourly}>
                      {(a) => (
                        <input {...a} inputMode="decimal" className="input-short" value={row[f]} onChange={(e) => setRow(index, { [f]: e.target.value })} />
                      )}
                    </FormField>
                  ))}
                  <div className="checkbox-field">
                    <input
                      id={`${id}-documented-${row.key}`}
                      type="checkbox"
                      checked={row.documented}
                      onChange={(e) => setRow(index, { documented: e.target.checked })}
                    />
                    <label htmlFor={`${id}-documented-${row.key}`}>{t('keyPersons.calculator.documented')}</label>
                  </div>
                  {values.rows.length > 1 && (
                    <button type="button" className="button button-small" onClick={() => removeRow(index)}>
                      {t('keyPersons.calculator.removeRow')}
                      <span className="visually-hidden">: {name}</span>
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="form-actions">
          <button type="button" className="button" ref={addRef} onClick={addRow} disabled={values.rows.length >= 12}>
            {t('keyPersons.calculator.addRow')}
          </button>
          <button type="submit" className="button button-primary" disabled={check.isPending}>
            {check.isPending ? t('keyPersons.calculator.checking') : t('keyPersons.calculator.submit')}
          </button>
        </div>
      </form>

      <div className="calculator-results">
        {missing && (
          <section className="calculator-result" aria-labelledby={`${id}-missing`} data-testid="rules-missing">
            <h2 id={`${id}-missing`} tabIndex={-1} ref={resultRef}>
              {t('keyPersons.calculator.noRulesTitle', { year: missing.year })}
            </h2>
            {missing.latestYear !== null ? (
              <>
                <p>{t('keyPersons.calculator.noRulesText', { year: missing.year, latestYear: missing.latestYear })}</p>
                <button type="button" className="button button-primary" onClick={() => void run(true)} disabled={check.isPending}>
                  {t('keyPersons.calculator.useLatest', { latestYear: missing.latestYear })}
                </button>
              </>
            ) : (
              <p>{t('keyPersons.calculator.noRulesAtAll')}</p>
            )}
          </section>
        )}
        {result && <CheckResultPanel result={result} headingRef={resultRef} />}
      </div>
    </>
  );
}

function CheckResultPanel({ result, headingRef }: { result: CheckResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t, language } = useT('keypersons');
  const id = useId();
  const money = (v: Money) => formatMoney(v, language);
  const ctx = { language, ruleSet: result.ruleSet };
  const resultLabel = (c: (typeof RESULT_COLUMNS)[number]) =>
    c === 'hourlyRate' ? t('keyPersons.calculator.hourlyRate') : t(`keyPersons.ledger.columns.${c}`);
  const warnings = result.warnings.filter((w) => w.code !== 'rule-set-assumed').map((w) => warningText(w, t, ctx));
  return (
    <section className="calculator-result" aria-labelledby={`${id}-title`} data-testid="check-result">
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t('keyPersons.calculator.resultTitle', { year: result.requestedYear })}
      </h2>
      {result.ruleSetAssumed && (
        <Notice kind="warning" title={t('keyPersons.tracker.assumedTitle', { rulesYear: result.ruleSet.year })} testId="rules-assumed">
          <p>{t('keyPersons.calculator.assumedText', { year: result.requestedYear, rulesYear: result.ruleSet.year })}</p>
        </Notice>
      )}
      {result.taxable ? (
        <Notice kind="error" title={t('keyPersons.calculator.taxable')} testId="verdict">
          <MessageList items={result.violations.map((v) => ({ text: violationText(v, t, language), english: false }))} />
        </Notice>
      ) : (
        <Notice kind="success" title={t('keyPersons.calculator.withinLimits')} testId="verdict" />
      )}
      {warnings.length > 0 && (
        <div className="alert alert-warning">
          <p>
            <strong>{t('keyPersons.tracker.warningsTitle')}</strong>
          </p>
          <MessageList items={warnings} />
        </div>
      )}
      <dl className="figures">
        <div>
          <dt>{t('keyPersons.calculator.totalCounted')}</dt>
          <dd>{money(result.totals.counted)}</dd>
        </div>
        <div>
          <dt>{t('keyPersons.tracker.yearMaximum')}</dt>
          <dd>{money(result.ruleSet.maxPerYear)}</dd>
        </div>
        <div className={isNegative(result.totals.yearHeadroom) ? 'figure-over' : undefined}>
          <dt>{t('keyPersons.tracker.headroom')}</dt>
          <dd>
            {isNegative(result.totals.yearHeadroom)
              ? t('keyPersons.ledger.overBy', { amount: money(negateMoney(result.totals.yearHeadroom)) })
              : money(result.totals.yearHeadroom)}
          </dd>
        </div>
        <div>
          <dt>{t('keyPersons.tracker.monthMaximum')}</dt>
          <dd>{money(result.ruleSet.maxPerMonth)}</dd>
        </div>
      </dl>
      <h3>{t('keyPersons.calculator.explanation')}</h3>
      <p className="prewrap explanation" lang={result.language} data-testid="explanation">
        {result.explanation}
      </p>
      <div className="table-wrap" role="region" aria-label={t('keyPersons.calculator.perMonth')} tabIndex={0}>
        <table className="stack-on-phone">
          <caption>{t('keyPersons.calculator.perMonth')}</caption>
          <HeadRow columns={RESULT_COLUMNS} label={resultLabel} numeric={['allowance', 'expenses', 'counted', 'hourlyRate']} />
          <tbody>
            {result.months.map((m) => (
              <tr key={m.month}>
                <th scope="row" data-label={t('keyPersons.ledger.columns.month')}>
                  {periodLabel(m.month, language)}
                </th>
                <td className="numeric" data-label={t('keyPersons.ledger.columns.allowance')}>
                  {money(m.allowance)}
                </td>
                <td className="numeric" data-label={t('keyPersons.ledger.columns.expenses')}>
                  {money(m.expenses)}
                </td>
                <td className="numeric" data-label={t('keyPersons.ledger.columns.counted')}>
                  {money(m.counted)}
                </td>
                <td className="numeric" data-label={t('keyPersons.calculator.hourlyRate')}>
                  {m.hourlyRate != null ? money(m.hourlyRate) : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t('keyPersons.tracker.rulesSource', { year: result.ruleSet.year })}{' '}
        <Link to="/key-persons/rules">{t('keyPersons.calculator.rulesLink')}</Link>
      </p>
    </section>
  );
}
