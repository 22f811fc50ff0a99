import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, isProblemError, must } from '../../api/client';
import { FormField } from '../../components/FormField';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { fieldErrorMessage } from '../../lib/forms';
import { StaleNotice } from '../../components/StaleNotice';
import { isStale, useStale } from '../../lib/stale';
import { fetchAll } from '../../lib/reference';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { RegistryFormError } from '../../components/ProblemMessage';
import { asTFunction, useT } from '../../lib/i18n';
import { useScopeBoards, useScopeSchools } from '../../lib/scope';
import { AGREEMENT_TYPES, LEVELS, PURPOSES, STATUSES, type Partner, type Partnership } from '../../api/registryTypes';
import { useCreatePartnership, useUpdatePartnership } from './api';
import {
  contactRow,
  createBody,
  emptyErrors,
  errorsFromProblem,
  hasErrors,
  toValues,
  updateBody,
  validate,
  type ContactField,
  type ContactRow,
  type PartnershipErrors,
  type PartnershipValues,
} from './validation';

/** Every partner the user can see (for the partner select), optionally of one board. */
function usePartnerOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['partners', 'options'],
    queryFn: () =>
      fetchAll<Partner>(async (page) =>
        must(await api.GET('/partners', { params: { query: { page, pageSize: 100, sort: 'name' } } })),
      ),
    enabled,
    staleTime: 60 * 1000,
  });
}

interface Props {
  partnership?: Partnership;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaultSchoolId?: number;
  defaultPartnerId?: number;
}

export function PartnershipForm({ partnership, etag = null, onReload, defaultSchoolId, defaultPartnerId }: Props) {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const creating = !partnership;
  const schools = useScopeSchools(creating);
  const { boards } = useScopeBoards();
  const partners = usePartnerOptions(creating);
  const initial = useMemo(
    () => toValues(partnership, { scope: defaultSchoolId ? `school:${defaultSchoolId}` : undefined, partnerId: defaultPartnerId }),
    [partnership, defaultSchoolId, defaultPartnerId],
  );
  const [values, setValues] = useState<PartnershipValues>(initial);
  const [errors, setErrors] = useState<PartnershipErrors>(emptyErrors);
  const [formError, setFormError] = useState<unknown>(null);
  const { stale, setStale, reloading, reload } = useStale(onReload);
  const create = useCreatePartnership();
  const update = useUpdatePartnership(partnership?.id ?? 0);
  const saving = create.isPending || update.isPending;
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  // The first internal contact, asked for with a new partnership: without one it is an urgent gap
  // the moment it is saved.
  const [firstContact, setFirstContact] = useState<PickedPerson | null>(null);
  const [firstContactError, setFirstContactError] = useState<string | undefined>();

  useEffect(() => {
    if (focusRow === null) return;
    document.querySelector<HTMLInputElement>(`[data-contact-key="${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const scopeBoard = (scope: string): number | undefined => {
    const [kind, id] = scope.split(':');
    if (kind === 'board') return Number(id);
    if (kind === 'school') return schools.data?.find((s) => s.id === Number(id))?.boardId;
    return undefined;
  };
  const chosenPartner = partners.data?.find((p) => String(p.id) === values.partnerId);
  const boardOfScope = scopeBoard(values.scope);
  const scopeOptions = [
    ...(schools.data ?? [])
      .filter((s) => canEditSchoolRecords(access, { boardId: s.boardId, schoolId: s.id }))
      .filter((s) => !chosenPartner || chosenPartner.boardId === s.boardId)
      .map((s) => ({ value: `school:${s.id}`, label: s.name })),
    ...boards
      .filter((b) => canEditSchoolRecords(access, { boardId: b.id, schoolId: null }))
      .filter((b) => !chosenPartner || chosenPartner.boardId === b.id)
      .map((b) => ({ value: `board:${b.id}`, label: t('partnerships.boardWideOption', { board: b.name }) })),
  ];
  const partnerOptions = (partners.data ?? []).filter((p) => !boardOfScope || p.boardId === boardOfScope);

  // A single possible school: choose it.
  useEffect(() => {
    if (creating && !values.scope && scopeOptions.length === 1 && scopeOptions[0]) {
      setValues((v) => ({ ...v, scope: scopeOptions[0]!.value }));
    }
  }, [creating, values.scope, scopeOptions]);

  function set<K extends keyof PartnershipValues>(name: K, value: PartnershipValues[K]) {
    setValues((prev) => ({ ...prev, [name]: value }));
  }

  function setContact(index: number, field: ContactField, value: string) {
    setValues((prev) => ({
      ...prev,
      externalContacts: prev.externalContacts.map((row, i) => (i === index ? { ...row, [field]: value } : row)),
    }));
  }

  function addContact() {
    const row = contactRow();
    setValues((prev) => ({ ...prev, externalContacts: [...prev.externalContacts, row] }));
    setFocusRow(row.key);
  }

  function removeContact(index: number) {
    setValues((prev) => ({ ...prev, externalContacts: prev.externalContacts.filter((_, i) => i !== index) }));
    setErrors((prev) => {
      const contacts: PartnershipErrors['contacts'] = {};
      for (const [k, v] of Object.entries(prev.contacts)) {
        const i = Number(k);
        if (i < index) contacts[i] = v;
        else if (i > index) contacts[i - 1] = v;
      }
      return { ...prev, contacts };
    });
    addButton.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setStale(false);
    const found = validate(values, t, creating);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      if (partnership) {
        const body = updateBody(initial, values);
        if (Object.keys(body).length === 0) {
          navigate(`/partnerships/${partnership.id}`);
          return;
        }
        await update.mutateAsync({ body, etag });
        navigate(`/partnerships/${partnership.id}`, { state: { flash: t('common.saved') } });
      } else {
        const body = firstContact ? { ...createBody(values), firstContact: { personId: firstContact.id } } : createBody(values);
        const created = await create.mutateAsync(body);
        navigate(`/partnerships/${created.partnership.id}`, { state: { flash: t('common.created') } });
      }
    } catch (error) {
      if (isStale(error)) {
        setStale(true);
        return;
      }
      setErrors(errorsFromProblem(error, t, i18n, values));
      const contactParam = isProblemError(error) ? error.invalidParams.find((p) => p.name.replace(/^body\./, '') === 'firstContact.personId') : undefined;
      setFirstContactError(contactParam ? fieldErrorMessage({ ...contactParam, name: 'personId' }, asTFunction(t), i18n) : undefined);
      setFormError(error);
    }
  }

  const fe = errors.fields;
  const anyFieldErrors = hasErrors(errors);

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      {anyFieldErrors && !formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <RegistryFormError error={formError} hasFieldErrors={anyFieldErrors} />

      {creating ? (
        <>
          <FormField label={t('partnerships.scope')} error={fe.scope} hint={t('partnerships.scopeHint')} required>
            {(a) => (
              <select {...a} name="scope" value={values.scope} onChange={(e) => set('scope', e.target.value)}>
                <option value="">{t('partnerships.chooseScope')}</option>
                {scopeOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('partnerships.partner')} error={fe.partnerId} hint={t('partnerships.partnerHint')} required>
            {(a) => (
              <select {...a} name="partnerId" value={values.partnerId} onChange={(e) => set('partnerId', e.target.value)}>
                <option value="">{t('partnerships.choosePartner')}</option>
                {partnerOptions.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <p className="form-note">
            <Link to="/partners/new">{t('partnerships.newPartnerFirst')}</Link>
          </p>
          <PersonPicker
            label={t('partnerships.firstContact')}
            name="firstContact"
            boardId={boardOfScope}
            accept={(p) => p.kind !== 'external'}
            value={firstContact}
            onChange={setFirstContact}
            error={firstContactError}
            hint={t('partnerships.firstContactHint')}
          />
          {!firstContact && (
            <p className="alert alert-warning" data-testid="no-first-contact">
              {t('partnerships.noFirstContact')}
            </p>
          )}
        </>
      ) : (
        <dl className="details">
          <dt>{t('partnerships.partner')}</dt>
          <dd>{partnership.partnerName}</dd>
          <dt>{t('partnerships.school')}</dt>
          <dd>{partnership.schoolName ?? t('partnerships.boardWide')}</dd>
        </dl>
      )}

      <FormField label={t('partnerships.titleField')} error={fe.title} hint={t('partnerships.titleHint')}>
        {(a) => <input {...a} name="title" value={values.title} onChange={(e) => set('title', e.target.value)} />}
      </FormField>
      <FormField label={t('partnerships.status')} error={fe.status} required>
        {(a) => (
          <select
            {...a}
            name="status"
            value={values.status}
            onChange={(e) => set('status', e.target.value as PartnershipValues['status'])}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`partnerships.statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <CheckboxGroup
        legend={t('partnerships.levels')}
        hint={t('partnerships.levelsHint')}
        name="levels"
        options={LEVELS}
        labelOf={(l) => t(`partnerships.levelNames.${l}`)}
        values={values.levels}
        onChange={(v) => set('levels', v)}
        error={fe.levels}
      />
      <CheckboxGroup
        legend={t('partnerships.purposes')}
        hint={t('partnerships.purposesHint')}
        name="purposes"
        options={PURPOSES}
        labelOf={(p) => t(`partnerships.purposeNames.${p}`)}
        values={values.purposes}
        onChange={(v) => set('purposes', v)}
        error={fe.purposes}
      />
      <div className="checkbox-field">
        <input
          id="partnership-colocated"
          type="checkbox"
          name="coLocated"
          checked={values.coLocated}
          onChange={(e) => set('coLocated', e.target.checked)}
          aria-describedby="partnership-colocated-hint"
        />
        <label htmlFor="partnership-colocated">{t('partnerships.coLocated')}</label>
        <p className="field-hint" id="partnership-colocated-hint">
          {t('partnerships.coLocatedHint')}
        </p>
      </div>
      <FormField label={t('partnerships.agreementType')} error={fe.agreementType} required>
        {(a) => (
          <select
            {...a}
            name="agreementType"
            value={values.agreementType}
            onChange={(e) => set('agreementType', e.target.value as PartnershipValues['agreementType'])}
          >
            {AGREEMENT_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`partnerships.agreementTypes.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset>
        <legend>{t('partnerships.dates')}</legend>
        <div className="field-row">
          {(['startDate', 'endDate', 'reviewDate'] as const).map((name) => (
            <FormField key={name} label={t(`partnerships.${name}`)} error={fe[name]}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  name={name}
                  className="input-date"
                  value={values[name]}
                  onChange={(e) => set(name, e.target.value)}
                />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>
      <FormField label={t('partnerships.annualBudget')} error={fe.annualBudget} hint={t('partnerships.annualBudgetHint')}>
        {(a) => (
          <input
            {...a}
            name="annualBudget"
            inputMode="decimal"
            className="input-short"
            value={values.annualBudget}
            onChange={(e) => set('annualBudget', e.target.value)}
          />
        )}
      </FormField>

      <fieldset className="contacts-fieldset">
        <legend>{t('partnerships.externalContacts')}</legend>
        <p className="field-hint">{t('partnerships.externalContactsHint')}</p>
        {values.externalContacts.length === 0 && <p className="muted">{t('partnerships.noExternalContacts')}</p>}
        {values.externalContacts.map((row, index) => (
          <ContactRowFields
            key={row.key}
            row={row}
            index={index}
            errors={errors.contacts[index] ?? {}}
            onChange={(field, value) => setContact(index, field, value)}
            onRemove={() => removeContact(index)}
          />
        ))}
        <button type="button" className="button" ref={addButton} onClick={addContact}>
          <span aria-hidden="true">+ </span>
          {t('partnerships.addExternalContact')}
        </button>
      </fieldset>

      <FormField label={t('partnerships.notes')} error={fe.notes}>
        {(a) => <textarea {...a} name="notes" rows={4} value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
      </FormField>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <Link to={partnership ? `/partnerships/${partnership.id}` : '/partnerships'} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

function ContactRowFields({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: ContactRow;
  index: number;
  errors: Partial<Record<ContactField, string>>;
  onChange: (field: ContactField, value: string) => void;
  onRemove: () => void;
}) {
  const { t } = useT();
  const number = index + 1;
  const input = (field: ContactField, label: string, extra: Record<string, unknown> = {}) => (
    <FormField label={label} error={errors[field]} required={field === 'name'}>
      {(a) => (
        <input
          {...a}
          {...extra}
          data-contact-key={field === 'name' ? row.key : undefined}
          name={`externalContacts.${index}.${field}`}
          value={row[field]}
          onChange={(e) => onChange(field, e.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <fieldset className="contact-row">
      <legend>{t('partnerships.externalContactN', { n: number })}</legend>
      <div className="field-row">
        {input('name', t('partnerships.contactName'), { autoComplete: 'off' })}
        {input('function', t('partnerships.contactFunction'))}
        {input('email', t('partnerships.contactEmail'), { type: 'email', autoComplete: 'off' })}
        {input('phone', t('partnerships.contactPhone'), { type: 'tel', autoComplete: 'off' })}
      </div>
      <button type="button" className="button button-danger button-small" onClick={onRemove}>
        {t('partnerships.removeExternalContact', { n: number })}
      </button>
    </fieldset>
  );
}
