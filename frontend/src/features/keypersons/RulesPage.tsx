import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { formatMoney, moneyInput, moneyInputText, type Money } from '../../lib/money';
import { useCreateRuleSet, useRuleRevisions, useRuleSet, useRuleSets, useUpdateRuleSet } from './api';
import { currentYear } from './format';
import { HeadRow, LiveMessage } from './Notices';
import { oneOf, useFormErrors } from './forms';
import { type Translate, useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { canManageAllowanceRules } from './permissions';
import type { RuleRevision, RuleSet, RuleSetCreate, RuleSetUpdate } from './types';

const RULE_COLUMNS = ['year', 'perHourAdult', 'perHourYoung', 'perMonth', 'perYear', 'ageCutoff', 'sources', 'actions'] as const;
const AMOUNTS = ['maxPerHourAdult', 'maxPerHourYoung', 'maxPerMonth', 'maxPerYear'] as const;
type Amount = (typeof AMOUNTS)[number];

/** The tax authority's maxima per year, with their sources; corrected by a platform administrator. */
export function RulesPage() {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const rules = useRuleSets();
  const manage = canManageAllowanceRules(access);
  const [mode, setMode] = useState<{ kind: 'add' } | { kind: 'correct'; year: number } | null>(null);
  const [revisionsOf, setRevisionsOf] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(t('keyPersons.rules.title'));
  const money = (v: Money) => formatMoney(v, language);
  const thisYear = currentYear();
  const known = (rules.data ?? []).map((r) => r.year);
  const col = (key: (typeof RULE_COLUMNS)[number]) => t(`keyPersons.rules.columns.${key}`);

  return (
    <>
      <KeyPersonTabs />
      <div className="page-header">
        <h1>{t('keyPersons.rules.title')}</h1>
        {manage && mode?.kind !== 'add' && (
          <button type="button" className="button button-primary" onClick={() => setMode({ kind: 'add' })}>
            {t('keyPersons.rules.add')}
          </button>
        )}
      </div>
      <p className="lead">{t('keyPersons.rules.intro')}</p>
      {rules.data && !known.includes(thisYear) && (
        <div className="alert alert-warning" data-testid="rules-missing-year">
          <p>{t('keyPersons.rules.missingThisYear', { year: thisYear, latest: Math.max(...known) })}</p>
        </div>
      )}
      <LiveMessage message={message} />
      {mode && (
        <RuleSetForm
          key={mode.kind === 'add' ? 'add' : mode.year}
          year={mode.kind === 'correct' ? mode.year : null}
          known={known}
          onDone={(text) => {
            setMode(null);
            setMessage(text);
          }}
          onCancel={() => setMode(null)}
        />
      )}
      {rules.isPending && <Loading />}
      {rules.isError && <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data && (
        <div className="table-wrap" role="region" aria-label={t('keyPersons.rules.title')} tabIndex={0}>
          <table className="stack-on-phone" data-testid="rules-table">
            <caption className="visually-hidden">{t('keyPersons.rules.title')}</caption>
            <HeadRow columns={RULE_COLUMNS} label={col} numeric={['perHourAdult', 'perHourYoung', 'perMonth', 'perYear']} />
            <tbody>
              {rules.data.map((r) => (
                <tr key={r.year} data-year={r.year}>
                  <th scope="row" data-label={col('year')}>
                    {r.year}
                  </th>
                  <td data-label={col('perHourAdult')} className="numeric">
                    {money(r.maxPerHourAdult)}
                  </td>
                  <td data-label={col('perHourYoung')} className="numeric">
                    {money(r.maxPerHourYoung)}
                  </td>
                  <td data-label={col('perMonth')} className="numeric">
                    {money(r.maxPerMonth)}
                  </td>
                  <td data-label={col('perYear')} className="numeric">
                    {money(r.maxPerYear)}
                  </td>
                  <td data-label={col('ageCutoff')}>
                    {t('keyPersons.rules.ageCutoffValue', { age: r.ageCutoff })}
                    {r.ageCutoffNote && <span className="muted block">{r.ageCutoffNote}</span>}
                  </td>
                  <td data-label={col('sources')}>
                    <ul className="plain-list">
                      {r.sources.map((s) => (
                        <li key={s.url}>
                          <a href={s.url} rel="noreferrer noopener" target="_blank">
                            {s.title}
                            <span className="visually-hidden"> {t('keyPersons.opensInNewWindow')}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                    {r.notes && <p className="muted prewrap">{r.notes}</p>}
                  </td>
                  <td data-label={col('actions')} className="cell-actions">
                    <div className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={revisionsOf === r.year}
                        onClick={() => setRevisionsOf(revisionsOf === r.year ? null : r.year)}
                      >
                        {t('keyPersons.rules.revisions')}
                        <span className="visually-hidden"> {r.year}</span>
                      </button>
                      {manage && (
                        <button type="button" className="button button-small" onClick={() => setMode({ kind: 'correct', year: r.year })}>
                          {t('keyPersons.rules.correct')}
                          <span className="visually-hidden"> {r.year}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revisionsOf !== null && <Revisions year={revisionsOf} />}
    </>
  );
}

function revisionSummary(r: RuleRevision, t: Translate<'keypersons'>, language: string): string {
  const before = r.before as Partial<Record<Amount, unknown>>;
  // A snapshot written before amounts became text (decision 0011) holds a JSON number.
  const amount = (v: unknown) => formatMoney(typeof v === 'number' ? v.toFixed(2) : String(v), language);
  return AMOUNTS.filter((a) => before[a] != null)
    .map((a) => `${t(`keyPersons.rules.fields.${a}`)}: ${amount(before[a])}`)
    .join('; ');
}

function Revisions({ year }: { year: number }) {
  const { t, language } = useT('keypersons');
  const revisions = useRuleRevisions(year);
  return (
    <section aria-labelledby="revisions-title" data-testid="revisions">
      <h2 id="revisions-title">{t('keyPersons.rules.revisionsTitle', { year })}</h2>
      {revisions.isPending && <Loading />}
      {revisions.isError && <ProblemAlert error={revisions.error} onRetry={() => void revisions.refetch()} />}
      {revisions.data && revisions.data.length === 0 && <p>{t('keyPersons.rules.noRevisions')}</p>}
      {revisions.data && revisions.data.length > 0 && (
        <ul className="plain-list revision-list">
          {revisions.data.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{formatDateTime(r.changedAt, language)}</strong> · {r.changedBy}
              </p>
              <p>{t('keyPersons.rules.revisionReason', { reason: r.reason ?? t('common.none') })}</p>
              <p className="muted">{t('keyPersons.rules.revisionBefore', { values: revisionSummary(r, t, language) || t('common.none') })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface SourceRow {
  key: number;
  title: string;
  url: string;
}
let nextSource = 1;
const sourceRow = (s?: { title: string; url: string }): SourceRow => ({ key: nextSource++, title: s?.title ?? '', url: s?.url ?? '' });

type Values = Record<Amount | 'year' | 'ageCutoff' | 'ageCutoffNote' | 'notes' | 'reason', string>;
type ErrorField = keyof Values | 'sources';
type Errors = Partial<Record<ErrorField, string>>;
const ERROR_FIELDS: ErrorField[] = [...AMOUNTS, 'year', 'ageCutoff', 'ageCutoffNote', 'notes', 'reason', 'sources'];
/** The API's `sources[0].url` is the sources fieldset's error. */
const errorField = (name: string) => oneOf(ERROR_FIELDS)(name.replace(/^sources[[.].*$/, 'sources'));

function toValues(rule?: RuleSet): Values {
  const s = (v: number | string | null | undefined) => (v == null ? '' : String(v));
  return {
    year: s(rule?.year),
    maxPerHourAdult: moneyInputText(rule?.maxPerHourAdult),
    maxPerHourYoung: moneyInputText(rule?.maxPerHourYoung),
    maxPerMonth: moneyInputText(rule?.maxPerMonth),
    maxPerYear: moneyInputText(rule?.maxPerYear),
    ageCutoff: s(rule?.ageCutoff ?? 21),
    ageCutoffNote: s(rule?.ageCutoffNote),
    notes: s(rule?.notes),
    reason: '',
  };
}

function RuleSetForm({ year, known, onDone, onCancel }: { year: number | null; known: number[]; onDone: (m: string) => void; onCancel: () => void }) {
  const query = useRuleSet(year);
  if (year !== null && query.isPending) return <Loading />;
  if (year !== null && query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <RuleSetFields
      rule={query.data?.data}
      etag={query.data?.etag ?? null}
      known={known}
      onDone={onDone}
      onCancel={onCancel}
      onReload={() => query.refetch()}
    />
  );
}

function RuleSetFields({
  rule,
  etag,
  known,
  onDone,
  onCancel,
  onReload,
}: {
  rule?: RuleSet;
  etag: string | null;
  known: number[];
  onDone: (m: string) => void;
  onCancel: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useT('keypersons');
  const id = useId();
  const create = useCreateRuleSet();
  const update = useUpdateRuleSet();
  const [values, setValues] = useState<Values>(() => toValues(rule));
  const [sources, setSources] = useState<SourceRow[]>(() => (rule?.sources.length ? rule.sources.map(sourceRow) : [sourceRow()]));
  const form = useFormErrors(errorField, onReload);
  const { errors, stale } = form;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const saving = create.isPending || update.isPending;
  useEffect(() => headingRef.current?.focus(), []);

  const set = (name: keyof Values, value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const found: Errors = {};
    if (!rule) {
      const y = Number(values.year);
      if (!/^\d{4}$/.test(values.year.trim())) found.year = t('keyPersons.rules.errors.year');
      else if (known.includes(y)) found.year = t('keyPersons.rules.errors.yearKnown', { year: y });
    }
    for (const a of AMOUNTS) {
      if (moneyInput(values[a]) === null) found[a] = t('keyPersons.errors.amount');
    }
    if (!/^\d{2}$/.test(values.ageCutoff.trim())) found.ageCutoff = t('keyPersons.rules.errors.ageCutoff');
    const filled = sources.filter((s) => s.title.trim() || s.url.trim());
    if (filled.length === 0 || filled.some((s) => !s.title.trim() || !/^https?:\/\/\S+$/.test(s.url.trim()))) {
      found.sources = t('keyPersons.rules.errors.sources');
    }
    if (rule && !values.reason.trim()) found.reason = t('keyPersons.rules.errors.reason');
    if (!form.check(found)) return;
    const fields = {
      maxPerHourAdult: moneyInput(values.maxPerHourAdult) ?? '0.00',
      maxPerHourYoung: moneyInput(values.maxPerHourYoung) ?? '0.00',
      maxPerMonth: moneyInput(values.maxPerMonth) ?? '0.00',
      maxPerYear: moneyInput(values.maxPerYear) ?? '0.00',
      ageCutoff: Number(values.ageCutoff),
      ageCutoffNote: values.ageCutoffNote.trim() || null,
      sources: filled.map((s) => ({ title: s.title.trim(), url: s.url.trim() })),
      notes: values.notes.trim() || null,
    };
    try {
      if (rule) {
        await update.mutateAsync({ year: rule.year, etag, body: { ...fields, reason: values.reason.trim() } satisfies RuleSetUpdate });
        onDone(t('keyPersons.rules.corrected', { year: rule.year }));
      } else {
        const year = Number(values.year);
        await create.mutateAsync({ ...fields, year } satisfies RuleSetCreate);
        onDone(t('keyPersons.rules.added', { year }));
      }
    } catch (error) {
      form.fail(error);
    }
  }

  const amountField = (a: Amount) => (
    <FormField key={a} label={t(`keyPersons.rules.fields.${a}`)} error={errors[a]} required>
      {(x) => <input {...x} name={a} inputMode="decimal" className="input-short" value={values[a]} onChange={(e) => set(a, e.target.value)} />}
    </FormField>
  );
  return (
    <form className="form inline-form rules-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {rule ? t('keyPersons.rules.correctTitle', { year: rule.year }) : t('keyPersons.rules.addTitle')}
      </h2>
      {form.problems}
      {!rule && (
        <FormField label={t('keyPersons.rules.fields.year')} error={errors.year} required>
          {(a) => <input {...a} name="year" inputMode="numeric" className="input-short" value={values.year} onChange={(e) => set('year', e.target.value)} />}
        </FormField>
      )}
      <div className="field-row">{AMOUNTS.map(amountField)}</div>
      <div className="field-row">
        <FormField label={t('keyPersons.rules.fields.ageCutoff')} error={errors.ageCutoff} required>
          {(a) => <input {...a} name="ageCutoff" inputMode="numeric" className="input-short" value={values.ageCutoff} onChange={(e) => set('ageCutoff', e.target.value)} />}
        </FormField>
        <FormField label={t('keyPersons.rules.fields.ageCutoffNote')} error={errors.ageCutoffNote}>
          {(a) => <input {...a} name="ageCutoffNote" value={values.ageCutoffNote} onChange={(e) => set('ageCutoffNote', e.target.value)} />}
        </FormField>
      </div>
      <fieldset className={errors.sources ? 'form-section field-invalid' : 'form-section'} aria-describedby={errors.sources ? `${id}-sources-error` : undefined}>
        <legend>
          {t('keyPersons.rules.fields.sources')}
          <span className="required-mark"> ({t('common.required')})</span>
        </legend>
        {sources.map((s, i) => (
          <div className="field-row source-row" key={s.key} role="group" aria-label={t('keyPersons.rules.sourceN', { n: i + 1 })}>
            <FormField label={t('keyPersons.rules.fields.sourceTitle')}>
              {(a) => (
                <input {...a} value={s.title} onChange={(e) => setSources((rows) => rows.map((r) => (r.key === s.key ? { ...r, title: e.target.value } : r)))} />
              )}
            </FormField>
            <FormField label={t('keyPersons.rules.fields.sourceUrl')}>
              {(a) => (
                <input {...a} type="url" value={s.url} onChange={(e) => setSources((rows) => rows.map((r) => (r.key === s.key ? { ...r, url: e.target.value } : r)))} />
              )}
            </FormField>
            {sources.length > 1 && (
              <button type="button" className="button button-small" onClick={() => setSources((rows) => rows.filter((r) => r.key !== s.key))}>
                {t('keyPersons.rules.removeSource', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {errors.sources && (
          <p className="field-error" id={`${id}-sources-error`}>
            <span aria-hidden="true">⚠ </span>
            {errors.sources}
          </p>
        )}
        <button type="button" className="button button-small" onClick={() => setSources((rows) => [...rows, sourceRow()])}>
          {t('keyPersons.rules.addSource')}
        </button>
      </fieldset>
      <FormField label={t('keyPersons.rules.fields.notes')} error={errors.notes}>
        {(a) => <textarea {...a} name="notes" rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
      </FormField>
      {rule && (
        <FormField label={t('keyPersons.rules.fields.reason')} error={errors.reason} hint={t('keyPersons.rules.reasonHint')} required>
          {(a) => <textarea {...a} name="reason" rows={2} value={values.reason} onChange={(e) => set('reason', e.target.value)} />}
        </FormField>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
