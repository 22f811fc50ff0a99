/**
 * What a programme's keepers add: a line (one of the seed's four, or one of their own) and an
 * initiative in a line (with the boards taking part, chosen from the current members).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { useFormState } from '../../lib/forms';
import { newIdempotencyKey } from '../keypersons/format';
import { LiveMessage } from '../../components/LiveMessage';
import { useCreateInitiative, useCreateLine } from './api';
import { lineName } from './format';
import { useT } from '../../lib/i18n';
import { LINE_CODES, STATUSES, type InitiativeStatus, type Line, type LineCode, type Programme } from './types';

const OWN = 'own';

export function LineForm({ programmeId, lines }: { programmeId: number; lines: Line[] }) {
  const { t } = useT('programmes');
  const id = useId();
  const form = useFormState({ code: '', nameNl: '', nameEn: '' });
  const { values, setValue, fieldErrors } = form;
  const create = useCreateLine(programmeId);
  const key = useRef(newIdempotencyKey());
  const [message, setMessage] = useState<string | null>(null);
  const free = LINE_CODES.filter((c) => !lines.some((l) => l.code === c));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    form.clearErrors();
    setMessage(null);
    if (!values.code) return form.setFieldErrors({ code: t('programmes.lines.lineRequired') });
    if (values.code === OWN && !values.nameNl.trim()) return form.setFieldErrors({ nameNl: t('programmes.lines.nameRequired') });
    const body =
      values.code === OWN
        ? { nameNl: values.nameNl.trim(), nameEn: values.nameEn.trim() || values.nameNl.trim() }
        : { code: values.code as LineCode };
    try {
      await create.mutateAsync({ body, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      form.setValues({ code: '', nameNl: '', nameEn: '' });
      setMessage(t('programmes.lines.added'));
    } catch (error) {
      form.applyError(error);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="line-form">
      <h3 id={`${id}-title`}>{t('programmes.lines.add')}</h3>
      <LiveMessage message={message} />
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <FormField label={t('programmes.lines.catalogue')} error={fieldErrors.code} required>
        {(a) => (
          <select {...a} name="code" value={values.code} onChange={(e) => setValue('code', e.target.value)}>
            <option value="">{t('programmes.lines.chooseLine')}</option>
            {free.map((c) => (
              <option key={c} value={c}>
                {t(`programmes.lines.codes.${c}`)}
              </option>
            ))}
            <option value={OWN}>{t('programmes.lines.ownLine')}</option>
          </select>
        )}
      </FormField>
      {values.code === OWN && (
        <>
          <FormField label={t('programmes.lines.nameNl')} error={fieldErrors.nameNl} required>
            {(a) => <input {...a} name="nameNl" maxLength={200} value={values.nameNl} onChange={(e) => setValue('nameNl', e.target.value)} />}
          </FormField>
          <FormField label={t('programmes.lines.nameEn')} error={fieldErrors.nameEn}>
            {(a) => <input {...a} name="nameEn" maxLength={200} value={values.nameEn} onChange={(e) => setValue('nameEn', e.target.value)} />}
          </FormField>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('programmes.lines.addSubmit')}
        </button>
      </div>
    </form>
  );
}

type InitiativeValues = { lineId: string; name: string; description: string; status: string; endedReason: string; startsOn: string; endsOn: string };
const EMPTY: InitiativeValues = { lineId: '', name: '', description: '', status: 'idea', endedReason: '', startsOn: '', endsOn: '' };

export function InitiativeForm({ programme, lines }: { programme: Programme; lines: Line[] }) {
  const { t, language } = useT('programmes');
  const id = useId();
  const form = useFormState<InitiativeValues>(EMPTY);
  const { values, setValue, fieldErrors } = form;
  const [boards, setBoards] = useState<number[]>(() => programme.members.map((m) => m.id));
  const create = useCreateInitiative(programme.id);
  const key = useRef(newIdempotencyKey());
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    form.clearErrors();
    setMessage(null);
    const errors: Partial<Record<keyof InitiativeValues, string>> = {};
    if (!values.lineId) errors.lineId = t('programmes.initiative.lineRequired');
    if (!values.name.trim()) errors.name = t('programmes.initiative.nameRequired');
    if (values.status === 'ended' && !values.endedReason.trim()) errors.endedReason = t('programmes.initiative.endedReasonRequired');
    if (Object.keys(errors).length > 0) return form.setFieldErrors(errors);
    const name = values.name.trim();
    try {
      await create.mutateAsync({
        body: {
          lineId: Number(values.lineId),
          name,
          description: values.description.trim() || null,
          status: values.status as InitiativeStatus,
          endedReason: values.status === 'ended' ? values.endedReason.trim() : null,
          startsOn: values.startsOn || null,
          endsOn: values.endsOn || null,
          participants: boards.map((boardId) => ({ boardId })),
        },
        idempotencyKey: key.current,
      });
      key.current = newIdempotencyKey();
      form.setValues(EMPTY);
      setMessage(t('programmes.initiative.added', { name }));
    } catch (error) {
      form.applyError(error);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="initiative-form">
      <h3 id={`${id}-title`}>{t('programmes.initiative.add')}</h3>
      <LiveMessage message={message} />
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <FormField label={t('programmes.initiative.line')} error={fieldErrors.lineId} required>
        {(a) => (
          <select {...a} name="lineId" value={values.lineId} onChange={(e) => setValue('lineId', e.target.value)}>
            <option value="">{t('programmes.lines.chooseLine')}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {lineName(l, t, language)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('programmes.initiative.name')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" maxLength={200} value={values.name} onChange={(e) => setValue('name', e.target.value)} />}
      </FormField>
      <FormField label={t('programmes.initiative.description')} error={fieldErrors.description}>
        {(a) => <textarea {...a} name="description" rows={2} maxLength={2000} value={values.description} onChange={(e) => setValue('description', e.target.value)} />}
      </FormField>
      <StatusFields values={values} setValue={setValue} fieldErrors={fieldErrors} />
      <FormField label={t('programmes.initiative.startsOn')} error={fieldErrors.startsOn}>
        {(a) => <input {...a} type="date" name="startsOn" value={values.startsOn} onChange={(e) => setValue('startsOn', e.target.value)} />}
      </FormField>
      <FormField label={t('programmes.initiative.endsOn')} error={fieldErrors.endsOn}>
        {(a) => <input {...a} type="date" name="endsOn" value={values.endsOn} onChange={(e) => setValue('endsOn', e.target.value)} />}
      </FormField>
      <fieldset className="field">
        <legend>{t('programmes.initiative.participantsField')}</legend>
        {programme.members.map((m) => (
          <label key={m.id} className="checkbox">
            <input
              type="checkbox"
              checked={boards.includes(m.id)}
              onChange={(e) => setBoards((prev) => (e.target.checked ? [...prev, m.id] : prev.filter((b) => b !== m.id)))}
            />{' '}
            {m.name}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('programmes.initiative.addSubmit')}
        </button>
      </div>
    </form>
  );
}

/** The status select and, once ended, the reason (required). */
export function StatusFields({
  values,
  setValue,
  fieldErrors,
}: {
  values: { status: string; endedReason: string };
  setValue: (name: 'status' | 'endedReason', value: string) => void;
  fieldErrors: Partial<Record<'status' | 'endedReason', string>>;
}) {
  const { t } = useT('programmes');
  return (
    <>
      <FormField label={t('programmes.initiative.status')} error={fieldErrors.status} required>
        {(a) => (
          <select {...a} name="status" value={values.status} onChange={(e) => setValue('status', e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`programmes.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {values.status === 'ended' && (
        <FormField
          label={t('programmes.initiative.endedReason')}
          hint={t('programmes.initiative.endedReasonHint')}
          error={fieldErrors.endedReason}
          required
        >
          {(a) => (
            <textarea {...a} name="endedReason" rows={2} maxLength={2000} value={values.endedReason} onChange={(e) => setValue('endedReason', e.target.value)} />
          )}
        </FormField>
      )}
    </>
  );
}
