import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isProblemError, ProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { ownedFields, useSyncedHint } from '../../components/SyncedFrom';
import { StaleNotice } from '../../components/StaleNotice';
import { isStale, useStale } from '../../lib/stale';
import { changedFields, str, textOrNull, useFormState } from '../../lib/forms';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { RegistryFormError } from '../../components/ProblemMessage';
import { parseDecimal } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useLocalName, useRoleTypes, useScopeBoards, useScopeSchools } from '../../lib/scope';
import { PARTNERSHIP_CONTACT_ROLE, type RoleAssignment, type RoleAssignmentCreate, type RoleAssignmentUpdate } from '../../api/registryTypes';
import { useCreateAssignment, usePerson, useUpdateAssignment } from './api';

export type AssignmentValues = {
  /** `school:<id>` or `board:<id>`. */
  scope: string;
  role: string;
  personId: string;
  hoursPerWeek: string;
  hoursPerYear: string;
  startsOn: string;
  endsOn: string;
  isPrimary: string;
  notes: string;
};

const EDITABLE: (keyof AssignmentValues)[] = ['hoursPerWeek', 'hoursPerYear', 'startsOn', 'endsOn', 'isPrimary', 'notes'];

function toValues(assignment?: RoleAssignment, defaults: Partial<AssignmentValues> = {}): AssignmentValues {
  return {
    scope: assignment ? (assignment.schoolId ? `school:${assignment.schoolId}` : `board:${assignment.boardId}`) : (defaults.scope ?? ''),
    role: assignment?.roleCode ?? defaults.role ?? '',
    personId: assignment ? String(assignment.personId) : (defaults.personId ?? ''),
    hoursPerWeek: str(assignment?.hoursPerWeek),
    hoursPerYear: str(assignment?.hoursPerYear),
    startsOn: str(assignment?.startsOn),
    endsOn: str(assignment?.endsOn),
    isPrimary: String(assignment?.isPrimary ?? true),
    notes: str(assignment?.notes),
  };
}

function fieldValue(name: keyof AssignmentValues, values: AssignmentValues): unknown {
  switch (name) {
    case 'hoursPerWeek':
    case 'hoursPerYear':
      return parseDecimal(values[name]);
    case 'isPrimary':
      return values.isPrimary === 'true';
    case 'startsOn':
    case 'endsOn':
    case 'notes':
      return textOrNull(values[name]);
    default:
      return values[name];
  }
}

/** The API names the school, region or board of an assignment; this form calls that the scope. */
function onScope(error: unknown): unknown {
  if (!isProblemError(error) || error.invalidParams.length === 0) return error;
  return new ProblemError({
    status: error.status,
    title: error.title,
    detail: error.detail,
    type: error.type,
    instance: error.instance,
    invalidParams: error.invalidParams.map((p) => {
      const name = p.name.replace(/^body\./, '');
      return name === 'schoolId' || name === 'regionId' ? { ...p, name: 'scope' } : p;
    }),
  });
}

interface Props {
  assignment?: RoleAssignment;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaults?: Partial<AssignmentValues>;
  /** Where to go after saving or cancelling. */
  returnTo?: string;
}

export function AssignmentForm({ assignment, etag = null, onReload, defaults, returnTo }: Props) {
  const { t } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const creating = !assignment;
  const initial = toValues(assignment, defaults);
  const form = useFormState<AssignmentValues>(initial);
  const { values, setValue, fieldErrors } = form;
  const schools = useScopeSchools(creating);
  const { boards } = useScopeBoards();
  const [kind, id] = values.scope.split(':');
  const boardId = kind === 'board' ? Number(id) : schools.data?.find((s) => s.id === Number(id))?.boardId;
  const roleTypes = useRoleTypes(boardId);
  const preset = usePerson(creating && defaults?.personId ? Number(defaults.personId) : 0);
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const person = picked ?? (preset.data && values.personId ? { id: preset.data.person.id, name: preset.data.person.name } : null);
  // A role that needs hours, saved without them, is a gap the moment it is saved: ask first.
  const [withoutHours, setWithoutHours] = useState(false);
  const localName = useLocalName();
  const create = useCreateAssignment();
  const update = useUpdateAssignment(assignment?.id ?? 0);
  const { stale, setStale, reloading, reload } = useStale(onReload);
  const saving = create.isPending || update.isPending;
  const done = returnTo ?? (assignment ? `/role-assignments/${assignment.id}` : '/who/roles');

  const scopeOptions = [
    ...(schools.data ?? [])
      .filter((s) => canEditSchoolRecords(access, { boardId: s.boardId, schoolId: s.id }))
      .map((s) => ({ value: `school:${s.id}`, label: s.name })),
    ...boards
      .filter((b) => canEditSchoolRecords(access, { boardId: b.id, schoolId: null }))
      .map((b) => ({ value: `board:${b.id}`, label: t('roleMatrix.boardLevelOption', { board: b.name }) })),
  ];
  const level = kind === 'board' ? 'board' : 'school';
  const roleOptions = (roleTypes.data ?? []).filter((r) => r.scopeLevel === level && r.code !== PARTNERSHIP_CONTACT_ROLE);
  const chosenRole = roleTypes.data?.find((r) => r.code === values.role);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    setStale(false);
    const errors: Partial<Record<keyof AssignmentValues, string>> = {};
    if (creating) {
      if (!values.scope) errors.scope = t('roleMatrix.errors.scopeRequired');
      if (!values.role) errors.role = t('roleMatrix.errors.roleRequired');
      if (!values.personId) errors.personId = t('roleMatrix.errors.personRequired');
    }
    for (const name of ['hoursPerWeek', 'hoursPerYear'] as const) {
      if (Number.isNaN(parseDecimal(values[name]))) errors[name] = t(`validation.fields.${name}`);
    }
    if (chosenRole?.needsHours && !values.hoursPerWeek.trim() && !values.hoursPerYear.trim() && !withoutHours && !assignment?.syncedFrom) {
      errors.hoursPerWeek = t('roleMatrix.hoursAsked', { role: localName(chosenRole) });
    }
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = t('validation.codes.end-before-start');
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    try {
      if (assignment) {
        const changed = changedFields(initial, values).filter((k) => EDITABLE.includes(k));
        if (changed.length === 0) {
          navigate(done);
          return;
        }
        const body = Object.fromEntries(changed.map((k) => [k, fieldValue(k, values)])) as RoleAssignmentUpdate;
        await update.mutateAsync({ body, etag });
        navigate(done, { state: { flash: t('common.saved') } });
      } else {
        const body = {
          personId: Number(values.personId),
          role: values.role,
          ...(kind === 'school' ? { schoolId: Number(id) } : {}),
          ...Object.fromEntries(
            EDITABLE.map((k) => [k, fieldValue(k, values)] as const).filter(([, v]) => v !== null && v !== undefined),
          ),
        } as RoleAssignmentCreate;
        await create.mutateAsync(body);
        navigate(done, { state: { flash: t('roleMatrix.assigned') } });
      }
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(onScope(error));
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const owned = ownedFields(assignment?.syncedFrom);
  const syncedHint = useSyncedHint(assignment?.syncedFrom, owned);
  const input = (name: keyof AssignmentValues, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <FormField label={label} error={fieldErrors[name]} hint={syncedHint(name) ?? hint}>
      {(a) => (
        <input {...a} {...extra} name={name} value={values[name]} readOnly={owned.has(name)} onChange={(e) => setValue(name, e.target.value)} />
      )}
    </FormField>
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      {hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <RegistryFormError error={form.formError} hasFieldErrors={hasFieldErrors} />

      {creating && (
        <>
          <FormField label={t('roleMatrix.scope')} error={fieldErrors.scope} hint={t('roleMatrix.scopeHint')} required>
            {(a) => (
              <select
                {...a}
                name="scope"
                value={values.scope}
                onChange={(e) => {
                  setValue('scope', e.target.value);
                  setValue('role', '');
                }}
              >
                <option value="">{t('roleMatrix.chooseScope')}</option>
                {scopeOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('roleMatrix.role')} error={fieldErrors.role} required>
            {(a) => (
              <select {...a} name="role" value={values.role} onChange={(e) => setValue('role', e.target.value)}>
                <option value="">{t('roleMatrix.chooseRole')}</option>
                {roleOptions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {localName(r)}
                    {r.requiredBy === 'law' ? ` (${t('roleMatrix.requiredBy.law')})` : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <PersonPicker
            label={t('roleMatrix.person')}
            name="personId"
            boardId={boardId}
            value={person}
            onChange={(p) => {
              setPicked(p);
              setValue('personId', p ? String(p.id) : '');
            }}
            error={fieldErrors.personId}
            required
          />
          <p className="form-note">
            <Link to="/people/new">{t('roleMatrix.newPersonFirst')}</Link>
          </p>
        </>
      )}
      <fieldset>
        <legend>{t('roleMatrix.hours')}</legend>
        <p className="field-hint">{chosenRole?.needsHours ? t('roleMatrix.hoursNeeded') : t('roleMatrix.hoursHint')}</p>
        <div className="field-row">
          {input('hoursPerWeek', t('roleMatrix.hoursPerWeek'), { inputMode: 'decimal', className: 'input-short' })}
          {input('hoursPerYear', t('roleMatrix.hoursPerYear'), { inputMode: 'decimal', className: 'input-short' })}
        </div>
        {chosenRole?.needsHours && !values.hoursPerWeek.trim() && !values.hoursPerYear.trim() && (
          <div className="checkbox-field">
            <input id="assignment-without-hours" type="checkbox" checked={withoutHours} onChange={(e) => setWithoutHours(e.target.checked)} />
            <label htmlFor="assignment-without-hours">{t('roleMatrix.withoutHours')}</label>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('roleMatrix.period')}</legend>
        <div className="field-row">
          {input('startsOn', t('roleMatrix.startsOn'), { type: 'date', className: 'input-date' })}
          {input('endsOn', t('roleMatrix.endsOn'), { type: 'date', className: 'input-date' }, t('roleMatrix.endsOnHint'))}
        </div>
      </fieldset>
      <div className="checkbox-field">
        <input
          id="assignment-primary"
          type="checkbox"
          name="isPrimary"
          checked={values.isPrimary === 'true'}
          onChange={(e) => setValue('isPrimary', String(e.target.checked))}
          aria-describedby="assignment-primary-hint"
        />
        <label htmlFor="assignment-primary">{t('roleMatrix.isPrimary')}</label>
        <p className="field-hint" id="assignment-primary-hint">
          {t('roleMatrix.isPrimaryHint')}
        </p>
      </div>
      <FormField label={t('roleMatrix.notes')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={3} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <Link to={done} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
