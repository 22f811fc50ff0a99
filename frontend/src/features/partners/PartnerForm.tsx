import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { idOrNull, str, textOrNull } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { useAllMunicipalities } from '../../lib/reference';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoardRegister } from '../../lib/auth/permissions';
import { RegistryFormError } from '../../components/ProblemMessage';
import { useT } from '../../lib/i18n';
import { useCategories, useLocalName, useScopeBoards } from '../../lib/scope';
import type { Partner, PartnerCreate, PartnerUpdate } from '../../api/registryTypes';
import { useCreatePartner, useUpdatePartner } from './api';

export type PartnerValues = {
  boardId: string;
  name: string;
  category: string;
  kvkNumber: string;
  municipalityId: string;
  address: string;
  email: string;
  phone: string;
  website: string;
  notes: string;
};

function toValues(partner?: Partner, boardId?: number): PartnerValues {
  return {
    boardId: str(partner?.boardId ?? boardId),
    name: str(partner?.name),
    category: str(partner?.categoryCode),
    kvkNumber: str(partner?.kvkNumber),
    municipalityId: str(partner?.municipalityId),
    address: str(partner?.address),
    email: str(partner?.email),
    phone: str(partner?.phone),
    website: str(partner?.website),
    notes: str(partner?.notes),
  };
}

function fieldValue(name: keyof PartnerValues, values: PartnerValues): string | number | null {
  switch (name) {
    case 'boardId':
    case 'municipalityId':
      return idOrNull(values[name]);
    case 'kvkNumber':
      return textOrNull(values.kvkNumber.replace(/\s/g, ''));
    case 'name':
    case 'category':
      return values[name].trim();
    default:
      return textOrNull(values[name]);
  }
}

const REQUIRED: (keyof PartnerValues & string)[] = ['boardId', 'name', 'category'];
const NOT_EDITABLE: (keyof PartnerValues & string)[] = ['boardId'];

interface Props {
  partner?: Partner;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaultBoardId?: number;
}

export function PartnerForm({ partner, etag = null, onReload, defaultBoardId }: Props) {
  const { t } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const { boards } = useScopeBoards();
  const editableBoards = boards.filter((b) => canEditBoardRegister(access, b.id));
  const initialBoard = defaultBoardId ?? (editableBoards.length === 1 ? editableBoards[0]?.id : undefined);
  const initial = toValues(partner, initialBoard);
  const form = useRecordForm<PartnerValues>({ initial, required: REQUIRED, onReload });
  const { values, setValue, fieldErrors } = form;
  const boardId = idOrNull(values.boardId) ?? undefined;
  const categories = useCategories(boardId);
  const localName = useLocalName();
  const municipalities = useAllMunicipalities();
  const create = useCreatePartner();
  const update = useUpdatePartner(partner?.id ?? 0);

  // When the board list arrives after the form, preselect the only board.
  if (!partner && !values.boardId && initialBoard) setValue('boardId', String(initialBoard));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = (name: keyof PartnerValues) => fieldValue(name, values);
    // The KvK number is checked by the API; its answer shows next to the field.
    await form.submit(
      async () => {
        if (partner) {
          const body = form.patchBody<PartnerUpdate>(value, ...NOT_EDITABLE);
          if (body) await update.mutateAsync({ body, etag });
          navigate(`/partners/${partner.id}`, body ? { state: { flash: t('common.saved') } } : undefined);
        } else {
          const created = await create.mutateAsync(form.createBody<PartnerCreate>(value));
          navigate(`/partners/${created.partner.id}`, { state: { flash: t('common.created') } });
        }
      },
      { skip: partner ? NOT_EDITABLE : [] },
    );
  }

  // a KvK number another partner of the board has: lead to that partner instead of a duplicate
  const duplicate = isProblemError(form.formError) && form.formError.type.endsWith('duplicate-kvk') ? form.formError.extensions : null;
  const existing =
    duplicate && typeof duplicate.existingPartnerId === 'number'
      ? { id: duplicate.existingPartnerId, name: String(duplicate.existingPartnerName ?? '') }
      : null;
  const text = (name: keyof PartnerValues, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <FormField label={label} error={fieldErrors[name]} hint={hint} required={REQUIRED.includes(name)}>
      {(a) => <input {...a} {...extra} name={name} value={values[name]} onChange={(e) => setValue(name, e.target.value)} />}
    </FormField>
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} summary={RegistryFormError} />

      {!partner && editableBoards.length > 1 && (
        <FormField label={t('registry.board')} error={fieldErrors.boardId} required>
          {(a) => (
            <select {...a} name="boardId" value={values.boardId} onChange={(e) => setValue('boardId', e.target.value)}>
              <option value="">{t('registry.chooseBoard')}</option>
              {editableBoards.map((b) => (
                <option key={b.id} value={String(b.id)}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {!partner && editableBoards.length <= 1 && fieldErrors.boardId && (
        <p className="alert alert-error">{fieldErrors.boardId}</p>
      )}
      {text('name', t('partners.name'), { autoComplete: 'organization' })}
      <FormField label={t('partners.category')} error={fieldErrors.category} required>
        {(a) => (
          <select {...a} name="category" value={values.category} onChange={(e) => setValue('category', e.target.value)}>
            <option value="">{t('partners.chooseCategory')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.code}>
                {localName(c)}
              </option>
            ))}
            {!categories.data && partner && <option value={partner.categoryCode}>{partner.categoryName}</option>}
          </select>
        )}
      </FormField>
      {text(
        'kvkNumber',
        t('partners.kvkNumber'),
        { inputMode: 'numeric', maxLength: 10, className: 'input-short', spellCheck: false },
        t('partners.kvkHint'),
      )}
      {existing && (
        <p className="notice" role="status" data-testid="duplicate-kvk">
          {t('partners.duplicateKvk', { name: existing.name })}{' '}
          <Link to={`/partners/${existing.id}`}>{t('partners.toExisting', { name: existing.name })}</Link>
        </p>
      )}
      <FormField label={t('partners.municipality')} error={fieldErrors.municipalityId}>
        {(a) => (
          <select {...a} name="municipalityId" value={values.municipalityId} onChange={(e) => setValue('municipalityId', e.target.value)}>
            <option value="">{t('partners.noMunicipality')}</option>
            {municipalities.data?.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name} ({m.code})
              </option>
            ))}
            {!municipalities.data && partner?.municipalityId && (
              <option value={String(partner.municipalityId)}>{partner.municipalityName ?? partner.municipalityId}</option>
            )}
          </select>
        )}
      </FormField>
      {text('address', t('partners.address'), { autoComplete: 'street-address' })}
      <fieldset>
        <legend>{t('partners.contact')}</legend>
        {text('email', t('partners.email'), { type: 'email', autoComplete: 'email' })}
        {text('phone', t('partners.phone'), { type: 'tel', autoComplete: 'tel' })}
        {text('website', t('partners.website'), { type: 'url', autoComplete: 'url' })}
      </fieldset>
      <FormField label={t('partners.notes')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={4} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>

      <div className="form-actions">
        <SaveButton form={form} />
        <Link to={partner ? `/partners/${partner.id}` : '/partners'} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
