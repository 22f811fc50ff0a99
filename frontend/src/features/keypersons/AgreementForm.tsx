import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormField } from '../../components/FormField';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { usePeopleOptions, useRoleAssignments } from '../people/api';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { useScopeSchools } from '../../lib/scope';
import type { RoleAssignment } from '../../api/registryTypes';
import { useCreateAgreement, useUpdateAgreement } from './api';
import {
  createBody,
  formField,
  toValues,
  updateBody,
  validate,
  type AgreementField,
  type AgreementValues,
} from './agreementValues';
import { useFormErrors } from './forms';
import { newIdempotencyKey } from './format';
import { useT } from '../../lib/i18n';
import { mayRecordBenefit } from './permissions';
import {
  AGE_BANDS,
  BENEFIT_TYPES,
  CONTACT_POINT_ROLE,
  FACILITIES,
  SCHEMES,
  SUPERVISOR_ROLE,
  type Agreement,
} from './types';

interface Props {
  agreement?: Agreement;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaultPersonId?: number;
  defaultSchoolId?: number;
}

/** A fieldset of radio buttons. */
function RadioGroup<V extends string>({
  legend,
  name,
  options,
  labelOf,
  value,
  onChange,
  error,
  required,
}: {
  legend: string;
  name: string;
  options: readonly V[];
  labelOf: (v: V) => string;
  value: V | '';
  onChange: (v: V) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useT('keypersons');
  const id = useId();
  return (
    <fieldset className={error ? 'checkbox-group field-invalid' : 'checkbox-group'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {legend}
        {required && <span className="required-mark"> ({t('common.required')})</span>}
      </legend>
      <div className="checkbox-options">
        {options.map((o) => (
          <div className="checkbox-field" key={o}>
            <input
              id={`${id}-${o}`}
              type="radio"
              name={name}
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${o}`}>{labelOf(o)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function assignmentLabel(a: RoleAssignment): string {
  return a.schoolName ? `${a.personName} (${a.schoolName})` : a.personName;
}

/** Create or edit a volunteer agreement. */
export function AgreementForm({ agreement, etag = null, onReload, defaultPersonId, defaultSchoolId }: Props) {
  const { t } = useT('keypersons');
  const user = useUser();
  const access = useAccess();
  const navigate = useNavigate();
  const creating = !agreement;
  const schools = useScopeSchools();
  const initial = useMemo(
    () => toValues(agreement, { personId: defaultPersonId, schoolId: defaultSchoolId }),
    [agreement, defaultPersonId, defaultSchoolId],
  );
  const [values, setValues] = useState<AgreementValues>(initial);
  const form = useFormErrors(formField, onReload);
  const { errors, stale } = form;
  const idempotencyKey = useRef(newIdempotencyKey());
  const create = useCreateAgreement();
  const update = useUpdateAgreement(agreement?.id ?? 0);
  const saving = create.isPending || update.isPending;

  // The board: the agreement's, or that of the schools the user may edit (a choice when several).
  const editableSchools = (schools.data ?? []).filter((s) => canEditSchoolRecords(access, { boardId: s.boardId, schoolId: s.id }));
  const boardIds = [...new Set(editableSchools.map((s) => s.boardId))];
  const [chosenBoard, setChosenBoard] = useState<number | undefined>(undefined);
  const defaultSchoolBoard = editableSchools.find((s) => String(s.id) === values.schoolIds[0])?.boardId;
  const boardId = agreement?.boardId ?? chosenBoard ?? defaultSchoolBoard ?? (boardIds.length === 1 ? boardIds[0] : undefined);
  const boardSchools = editableSchools.filter((s) => s.boardId === boardId);
  const people = usePeopleOptions(boardId, boardId !== undefined);
  const supervisors = useRoleAssignments({ role: SUPERVISOR_ROLE, boardId }, boardId !== undefined);
  const contactPoints = useRoleAssignments({ role: CONTACT_POINT_ROLE, boardId }, boardId !== undefined);
  const chosenContact = (contactPoints.data ?? []).find((a) => String(a.id) === values.contactPointAssignmentId);
  const contactEmail = (people.data ?? []).find((p) => p.id === chosenContact?.personId)?.email;
  const benefitAllowed = mayRecordBenefit(access, user, boardId, contactEmail) || (agreement?.benefitType ?? null) !== null;

  useEffect(() => {
    if (creating && values.schoolIds.length === 0 && boardSchools.length === 1) {
      setValues((v) => ({ ...v, schoolIds: [String(boardSchools[0]!.id)] }));
    }
  }, [creating, values.schoolIds.length, boardSchools]);

  function set<K extends AgreementField>(name: K, value: AgreementValues[K]) {
    setValues((prev) => ({ ...prev, [name]: value }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const found = validate(values, t, creating);
    if (!form.check(found)) return;
    try {
      if (agreement) {
        const body = updateBody(initial, values, benefitAllowed);
        if (Object.keys(body).length === 0) {
          navigate(`/key-persons/agreements/${agreement.id}`);
          return;
        }
        await update.mutateAsync({ body, etag });
        navigate(`/key-persons/agreements/${agreement.id}`, { state: { flash: t('common.saved') } });
      } else {
        const created = await create.mutateAsync({ body: createBody(values, benefitAllowed), idempotencyKey: idempotencyKey.current });
        navigate(`/key-persons/agreements/${created.id}`, { state: { flash: t('common.created') } });
      }
    } catch (error) {
      form.fail(error);
    }
  }

  const input = (name: AgreementField, label: string, extra: Record<string, unknown> = {}, hint?: string, required = false) => (
    <FormField label={label} error={errors[name]} hint={hint} required={required}>
      {(a) => (
        <input {...a} {...extra} name={name} value={values[name] as string} onChange={(e) => set(name, e.target.value as never)} />
      )}
    </FormField>
  );
  const textarea = (name: AgreementField, label: string, hint?: string, rows = 3) => (
    <FormField label={label} error={errors[name]} hint={hint}>
      {(a) => <textarea {...a} name={name} rows={rows} value={values[name] as string} onChange={(e) => set(name, e.target.value as never)} />}
    </FormField>
  );
  const assignmentSelect = (
    name: 'supervisorAssignmentId' | 'contactPointAssignmentId',
    label: string,
    hint: string,
    options: RoleAssignment[],
    current: Agreement['supervisor'] | undefined,
  ) => {
    const list = options.filter((a) => a.active || String(a.id) === values[name]);
    const missing = current && !list.some((a) => a.id === current.id);
    return (
      <FormField label={label} error={errors[name]} hint={hint}>
        {(a) => (
          <select {...a} name={name} value={values[name]} onChange={(e) => set(name, e.target.value)}>
            <option value="">{t('keyPersons.form.nobody')}</option>
            {missing && <option value={String(current.id)}>{current.personName}</option>}
            {list.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {assignmentLabel(o)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    );
  };

  return (
    <form className="form agreement-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {form.problems}

      <Section title={t('keyPersons.form.sections.who')}>
        {creating && boardIds.length > 1 && (
          <FormField label={t('registry.board')} required>
            {(a) => (
              <select
                {...a}
                name="boardId"
                value={boardId ? String(boardId) : ''}
                onChange={(e) => {
                  setChosenBoard(e.target.value ? Number(e.target.value) : undefined);
                  setValues((v) => ({ ...v, personId: '', schoolIds: [], supervisorAssignmentId: '', contactPointAssignmentId: '' }));
                }}
              >
                <option value="">{t('registry.chooseBoard')}</option>
                {boardIds.map((id) => (
                  <option key={id} value={String(id)}>
                    {editableSchools.find((s) => s.boardId === id)?.boardName ?? id}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {creating ? (
          <FormField label={t('keyPersons.form.person')} error={errors.personId} hint={t('keyPersons.form.personHint')} required>
            {(a) => (
              <select {...a} name="personId" value={values.personId} onChange={(e) => set('personId', e.target.value)}>
                <option value="">{t('keyPersons.form.choosePerson')}</option>
                {(people.data ?? []).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <p className="field-static">
            <span className="field-static-label">{t('keyPersons.form.person')}</span> {agreement.personName}
          </p>
        )}
        <CheckboxGroup
          legend={t('keyPersons.form.schools')}
          name="schoolIds"
          options={boardSchools.map((s) => String(s.id))}
          labelOf={(v) => boardSchools.find((s) => String(s.id) === v)?.name ?? v}
          values={values.schoolIds}
          onChange={(v) => set('schoolIds', v)}
          error={errors.schoolIds}
          hint={boardId === undefined ? t('keyPersons.form.chooseBoardFirst') : undefined}
        />
      </Section>

      <Section title={t('keyPersons.form.sections.work')}>
        {textarea('tasks', t('keyPersons.form.tasks'), t('keyPersons.form.tasksHint'), 4)}
        {input('hoursPerWeek', t('keyPersons.agreement.hoursPerWeek'), { inputMode: 'decimal', className: 'input-short' })}
      </Section>

      <Section title={t('keyPersons.form.sections.allowance')}>
        <RadioGroup
          legend={t('keyPersons.agreement.scheme')}
          name="allowanceScheme"
          options={SCHEMES}
          labelOf={(s) => t(`keyPersons.schemes.${s}`)}
          value={values.allowanceScheme}
          onChange={(v) => set('allowanceScheme', v)}
          error={errors.allowanceScheme}
          required
        />
        {values.allowanceScheme === 'fixed' &&
          input('fixedAmountPerMonth', t('keyPersons.form.fixedAmountPerMonth'), { inputMode: 'decimal', className: 'input-short' }, t('keyPersons.form.amountHint'), true)}
        {values.allowanceScheme === 'hourly' && (
          <>
            {input('hourlyRate', t('keyPersons.form.hourlyRate'), { inputMode: 'decimal', className: 'input-short' }, t('keyPersons.form.hourlyRateHint'), true)}
            <RadioGroup
              legend={t('keyPersons.form.ageBand')}
              name="ageBand"
              options={AGE_BANDS}
              labelOf={(b) => t(`keyPersons.ageBands.${b}`)}
              value={values.ageBand}
              onChange={(v) => set('ageBand', v)}
              error={errors.ageBand}
              required
            />
          </>
        )}
        {values.allowanceScheme === 'expenses-only' && <p className="field-hint">{t('keyPersons.form.expensesOnlyHint')}</p>}
      </Section>

      <Section title={t('keyPersons.form.sections.expenses')}>
        {input('travelPerKm', t('keyPersons.agreement.travelPerKm'), { inputMode: 'decimal', className: 'input-short' }, t('keyPersons.form.travelHint'))}
        {input('otherExpenses', t('keyPersons.agreement.otherExpenses'))}
        <CheckboxGroup
          legend={t('keyPersons.agreement.facilities')}
          name="facilities"
          options={FACILITIES}
          labelOf={(f) => t(`keyPersons.facilities.${f}`)}
          values={values.facilities}
          onChange={(v) => set('facilities', v)}
          error={errors.facilities}
        />
      </Section>

      <Section title={t('keyPersons.form.sections.support')}>
        {assignmentSelect('supervisorAssignmentId', t('keyPersons.agreement.supervisor'), t('keyPersons.form.supervisorHint'), supervisors.data ?? [], agreement?.supervisor)}
        {assignmentSelect(
          'contactPointAssignmentId',
          t('keyPersons.agreement.contactPoint'),
          t('keyPersons.form.contactPointHint'),
          contactPoints.data ?? [],
          agreement?.contactPoint,
        )}
      </Section>

      <Section title={t('keyPersons.agreement.plan')}>
        {textarea('planGoals', t('keyPersons.agreement.planGoals'))}
        {textarea('planInternship', t('keyPersons.agreement.planInternship'), undefined, 2)}
        {textarea('planOtherTasks', t('keyPersons.agreement.planOtherTasks'), undefined, 2)}
        {input('planReviewDate', t('keyPersons.agreement.planReviewDate'), { type: 'date', className: 'input-date' })}
      </Section>

      <Section title={t('keyPersons.form.sections.period')}>
        <div className="field-row">
          {input('startsOn', t('keyPersons.form.startsOn'), { type: 'date', className: 'input-date' }, undefined, true)}
          {input('endsOn', t('keyPersons.form.endsOn'), { type: 'date', className: 'input-date' }, t('keyPersons.form.endsOnHint'))}
        </div>
      </Section>

      {benefitAllowed && (
        <Section title={t('keyPersons.form.sections.benefit')}>
          <FormField label={t('keyPersons.agreement.benefitType')} error={errors.benefitType} hint={t('keyPersons.form.benefitHint')}>
            {(a) => (
              <select {...a} name="benefitType" value={values.benefitType} onChange={(e) => set('benefitType', e.target.value as AgreementValues['benefitType'])}>
                <option value="">{t('keyPersons.form.benefitUnknown')}</option>
                {BENEFIT_TYPES.map((b) => (
                  <option key={b} value={b}>
                    {t(`keyPersons.benefitTypes.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </Section>
      )}

      {textarea('notes', t('keyPersons.agreement.notes'))}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <Link to={agreement ? `/key-persons/agreements/${agreement.id}` : '/key-persons/agreements'} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
