import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isProblemError } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatMoney, isMoneyInput, isPositive, moneyInput, moneyInputText, type Money } from '../../lib/money';
import { formatNumber, numberInputText, parseDecimal } from '../../lib/format';
import { useCreatePayment, useDeletePayment, usePayment, usePayments, useUpdatePayment } from './api';
import { monthsOf, newIdempotencyKey, periodLabel } from './format';
import { fieldErrorsOf, oneOf } from './forms';
import { type Translate, useT } from '../../lib/i18n';
import { violationText, warningText } from './messages';
import { HeadRow, LiveMessage, MessageList } from './Notices';
import { LIMIT_EXCEEDED, type Agreement, type Ledger, type Payment, type PaymentCreate, type Violation } from './types';

interface Props {
  agreement: Agreement;
  ledger: Ledger | undefined;
  year: number;
  canEdit: boolean;
}

const PAYMENT_COLUMNS = ['month', 'hours', 'allowance', 'expenses', 'documented', 'note'] as const;
type PaymentColumn = (typeof PAYMENT_COLUMNS)[number] | 'actions';

/** The payments of one agreement in one year: the table, and a form to add or correct one. */
export function Payments({ agreement, ledger, year, canEdit }: Props) {
  const { t, language } = useT('keypersons');
  const payments = usePayments(agreement.id, year);
  const remove = useDeletePayment();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const money = (value: Money) => formatMoney(value, language);
  const items = payments.data ?? [];
  const caption = t('keyPersons.payments.caption', { year });

  useEffect(() => {
    setEditing(null);
    setMessage(null);
  }, [year]);

  async function onDelete(payment: Payment) {
    await remove.mutateAsync({ paymentId: payment.id, etag: payment.etag });
    setMessage(t('keyPersons.payments.deleted', { month: periodLabel(payment.month, language) }));
    if (editing === payment.id) setEditing(null);
  }

  const col = (key: PaymentColumn) => t(`keyPersons.payments.columns.${key}`);

  return (
    <section aria-labelledby="payments-title" className="payments">
      <h2 id="payments-title">{t('keyPersons.payments.title', { year })}</h2>
      <LiveMessage message={message} testId="payment-message" />
      <RegistryProblem error={remove.error} focus />
      {payments.isPending && <Loading />}
      {payments.isError && <ProblemAlert error={payments.error} onRetry={() => void payments.refetch()} />}
      {payments.data && items.length === 0 && <p>{t('keyPersons.payments.none', { year })}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="stack-on-phone" data-testid="payments-table">
            <caption className="visually-hidden">{caption}</caption>
            <HeadRow columns={canEdit ? [...PAYMENT_COLUMNS, 'actions'] : PAYMENT_COLUMNS} label={col} numeric={['hours', 'allowance', 'expenses']} />
            <tbody>
              {items.map((p) => {
                const month = periodLabel(p.month, language);
                return (
                  <tr key={p.id} data-month={p.month}>
                    <td data-label={col('month')}>
                      {month}
                      {p.limitExceededAcknowledged && (
                        <>
                          {' '}
                          <span className="badge badge-over">
                            <span aria-hidden="true">⚠ </span>
                            {t('keyPersons.payments.acknowledged')}
                          </span>
                        </>
                      )}
                    </td>
                    <td data-label={col('hours')} className="numeric">
                      {p.hours == null ? t('common.none') : formatNumber(p.hours, language)}
                    </td>
                    <td data-label={col('allowance')} className="numeric">
                      {money(p.allowance)}
                    </td>
                    <td data-label={col('expenses')} className="numeric">
                      {money(p.expenses)}
                    </td>
                    <td data-label={col('documented')}>
                      {isPositive(p.expenses) ? (p.expensesDocumented ? t('common.yes') : t('common.no')) : t('common.none')}
                    </td>
                    <td data-label={col('note')} className="prewrap">
                      {p.note || t('common.none')}
                    </td>
                    {canEdit && (
                      <td data-label={col('actions')} className="cell-actions">
                        <div className="actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => {
                              setMessage(null);
                              setEditing(p.id);
                            }}
                          >
                            {t('common.edit')}
                            <span className="visually-hidden">: {month}</span>
                          </button>
                          <ConfirmAction
                            label={t('common.delete')}
                            accessibleLabel={t('keyPersons.payments.deleteLabel', { month })}
                            message={t('keyPersons.payments.confirmDelete', { month })}
                            confirmLabel={t('keyPersons.payments.confirmDeleteButton')}
                            onConfirm={() => onDelete(p)}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && payments.data && editing !== null && (
        <EditPayment
          key={editing}
          paymentId={editing}
          agreement={agreement}
          ledger={ledger}
          year={year}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {canEdit && payments.data && editing === null && (
        <PaymentForm
          agreement={agreement}
          ledger={ledger}
          year={year}
          taken={items.map((p) => p.month)}
          onDone={(text) => setMessage(text)}
        />
      )}
    </section>
  );
}

function EditPayment(props: { paymentId: number; onCancel: () => void } & Omit<FormProps, 'payment' | 'etag' | 'taken'>) {
  const query = usePayment(props.paymentId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <PaymentForm {...props} payment={query.data.data} etag={query.data.etag} taken={[]} />;
}

const FIELDS = ['month', 'hours', 'allowance', 'expenses', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

interface LimitProblem {
  violations: Violation[];
  detail: string;
}

interface FormProps {
  agreement: Agreement;
  ledger: Ledger | undefined;
  year: number;
  taken: string[];
  payment?: Payment;
  etag?: string | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

/** The months of the year the agreement runs in. */
function agreementMonths(agreement: Agreement, year: number): string[] {
  const first = agreement.startsOn.slice(0, 7);
  const last = agreement.endsOn ? agreement.endsOn.slice(0, 7) : null;
  return monthsOf(year).filter((m) => m >= first && (last === null || m <= last));
}

function limitProblemOf(error: unknown): LimitProblem | null {
  if (!isProblemError(error) || error.status !== 409 || !error.type.endsWith(LIMIT_EXCEEDED)) return null;
  const raw = error.extensions.violations;
  const violations = Array.isArray(raw) ? (raw as Violation[]) : [];
  return { violations, detail: error.detail };
}

function validate(values: Record<Field, string>, hourly: boolean, t: Translate<'keypersons'>): Errors {
  const errors: Errors = {};
  if (!values.month) errors.month = t('keyPersons.payments.errors.month');
  for (const f of ['allowance', 'expenses'] as const) {
    if (!isMoneyInput(values[f])) errors[f] = t('keyPersons.errors.amount');
  }
  const hours = parseDecimal(values.hours);
  if (hours !== null && (Number.isNaN(hours) || hours < 0)) errors.hours = t('keyPersons.errors.amount');
  const allowance = moneyInput(values.allowance);
  if (hourly && !errors.hours && allowance !== null && isPositive(allowance) && !hours) errors.hours = t('keyPersons.payments.errors.hours');
  return errors;
}

function PaymentForm({ agreement, ledger, year, taken, payment, etag = null, onDone, onCancel }: FormProps) {
  const { t, i18n, language } = useT('keypersons');
  const id = useId();
  const create = useCreatePayment();
  const update = useUpdatePayment();
  const open = agreementMonths(agreement, year).filter((m) => !taken.includes(m));
  const hourly = agreement.allowanceScheme === 'hourly';
  const defaultAllowance =
    agreement.allowanceScheme === 'fixed' && agreement.fixedAmountPerMonth != null ? moneyInputText(agreement.fixedAmountPerMonth) : '';
  const [values, setValues] = useState<Record<Field, string>>({
    month: payment?.month ?? open[0] ?? '',
    hours: numberInputText(payment?.hours),
    allowance: payment ? moneyInputText(payment.allowance) : defaultAllowance,
    expenses: payment ? moneyInputText(payment.expenses) : '0',
    note: payment?.note ?? '',
  });
  const [documented, setDocumented] = useState(payment?.expensesDocumented ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [limit, setLimit] = useState<LimitProblem | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const limitRef = useRef<HTMLDivElement>(null);
  const saving = create.isPending || update.isPending;
  const monthName = periodLabel(values.month, language);

  useEffect(() => {
    if (payment) headingRef.current?.focus();
  }, [payment]);
  useEffect(() => {
    if (limit) limitRef.current?.focus();
  }, [limit]);

  function set(name: Field, value: string) {
    setValues((prev) => ({ ...prev, [name]: value }));
  }

  async function submit(acknowledge: boolean) {
    if (saving) return;
    setFormError(null);
    const found = validate(values, hourly, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // What the user typed, as the API's exact text ("190,00" → "190.00"); an empty field is nothing.
    const amount = (f: 'allowance' | 'expenses') => moneyInput(values[f]) ?? '0.00';
    const hours = parseDecimal(values.hours);
    const fields = {
      hours: hours === null ? null : hours,
      allowance: amount('allowance'),
      expenses: amount('expenses'),
      expensesDocumented: documented,
      note: values.note.trim() || null,
      acknowledgeLimitExceeded: acknowledge,
    };
    try {
      const saved = payment
        ? await update.mutateAsync({ paymentId: payment.id, body: fields, etag })
        : await create.mutateAsync({
            body: { ...fields, agreementId: agreement.id, month: values.month } satisfies PaymentCreate,
            idempotencyKey: newIdempotencyKey(),
          });
      const warnings = (saved.warnings ?? []).map((w) => warningText(w, t, { language, ruleSet: ledger?.ruleSet }).text);
      const done = payment ? t('keyPersons.payments.saved', { month: monthName }) : t('keyPersons.payments.added', { month: monthName });
      const taxable = saved.limitExceededAcknowledged ? ` ${t('keyPersons.payments.nowTaxable', { year })}` : '';
      onDone([done + taxable, ...warnings].join(' '));
      setLimit(null);
      setAcknowledged(false);
      if (!payment) {
        const next = open.filter((m) => m !== values.month);
        setValues({ month: next[0] ?? '', hours: '', allowance: defaultAllowance, expenses: '0', note: '' });
        setDocumented(true);
      }
    } catch (error) {
      const problem = limitProblemOf(error);
      if (problem) {
        setLimit(problem);
        setAcknowledged(false);
        return;
      }
      setLimit(null);
      setErrors(fieldErrorsOf(error, oneOf(FIELDS), t, i18n));
      setFormError(error);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(false);
  }

  if (!payment && open.length === 0) {
    return <p className="muted">{t('keyPersons.payments.noOpenMonths', { year })}</p>;
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  const decimal = (name: 'hours' | 'allowance' | 'expenses', hint?: string, required = false) => (
    <FormField label={t(`keyPersons.payments.${name}`)} error={errors[name]} hint={hint} required={required}>
      {(a) => (
        <input {...a} name={name} inputMode="decimal" className="input-short" value={values[name]} onChange={(e) => set(name, e.target.value)} />
      )}
    </FormField>
  );
  return (
    <form className="inline-form payment-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {payment ? t('keyPersons.payments.editTitle', { month: monthName }) : t('keyPersons.payments.addTitle')}
      </h3>
      {hasFieldErrors && !formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      {formError !== null && <RegistryProblem error={formError} focus />}
      <div className="field-row">
        {payment ? (
          <p className="field-static">
            <span className="field-static-label">{t('keyPersons.payments.month')}</span> {monthName}
          </p>
        ) : (
          <FormField label={t('keyPersons.payments.month')} error={errors.month} required>
            {(a) => (
              <select {...a} name="month" value={values.month} onChange={(e) => set('month', e.target.value)}>
                {open.map((m) => (
                  <option key={m} value={m}>
                    {periodLabel(m, language)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {decimal('hours', hourly ? t('keyPersons.payments.hoursHintHourly') : undefined, hourly)}
        {decimal('allowance', t('keyPersons.payments.allowanceHint'))}
        {decimal('expenses')}
      </div>
      <div className="checkbox-field">
        <input id={`${id}-documented`} type="checkbox" checked={documented} onChange={(e) => setDocumented(e.target.checked)} />
        <label htmlFor={`${id}-documented`}>{t('keyPersons.payments.documented')}</label>
        <p className="field-hint">{t('keyPersons.payments.documentedHint')}</p>
      </div>
      <FormField label={t('keyPersons.payments.note')} error={errors.note}>
        {(a) => <textarea {...a} name="note" rows={2} value={values.note} onChange={(e) => set('note', e.target.value)} />}
      </FormField>

      {limit && (
        <div className="alert alert-error limit-problem" role="alert" tabIndex={-1} ref={limitRef} data-testid="limit-problem">
          <p>
            <strong>{t('keyPersons.limit.title')}</strong>
          </p>
          {limit.violations.length > 0 ? (
            <MessageList items={limit.violations.map((v) => ({ text: violationText(v, t, language), english: false }))} />
          ) : (
            <p lang={language === 'en' ? undefined : 'en'}>{limit.detail}</p>
          )}
          <p>{t('keyPersons.limit.consequence', { year, name: agreement.personName })}</p>
          <div className="checkbox-field">
            <input
              id={`${id}-acknowledge`}
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
            />
            <label htmlFor={`${id}-acknowledge`}>{t('keyPersons.limit.acknowledge', { year })}</label>
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={!acknowledged || saving}
              onClick={() => void submit(true)}
            >
              {t('keyPersons.limit.recordAnyway')}
            </button>
            <button type="button" className="button" onClick={() => setLimit(null)}>
              {t('keyPersons.limit.change')}
            </button>
          </div>
        </div>
      )}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : payment ? t('common.save') : t('keyPersons.payments.add')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
