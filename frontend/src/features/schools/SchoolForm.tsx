import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { School, SchoolCreate, SchoolUpdate } from '../../api/types';
import { FormField } from '../../components/FormField';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { ownedFields, useSyncedHint } from '../../components/SyncedFrom';
import { idOrNull, str, textOrNull } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { useAllBoards, useAllMunicipalities } from '../../lib/reference';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoard } from '../../lib/auth/permissions';
import { SectorOptions } from './SectorOptions';
import { useCreateSchool, useUpdateSchool } from './api';

export type SchoolValues = {
  boardId: string;
  locationCode: string;
  name: string;
  sector: string;
  municipalityId: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  denomination: string;
  profile: string;
};

function toValues(school?: School, boardId?: number): SchoolValues {
  return {
    boardId: str(school?.boardId ?? boardId),
    locationCode: str(school?.locationCode),
    name: str(school?.name),
    sector: str(school?.sector),
    municipalityId: str(school?.municipalityId),
    street: str(school?.street),
    houseNumber: str(school?.houseNumber),
    postalCode: str(school?.postalCode),
    city: str(school?.city),
    email: str(school?.email),
    phone: str(school?.phone),
    website: str(school?.website),
    denomination: str(school?.denomination),
    profile: str(school?.profile),
  };
}

function fieldValue(name: keyof SchoolValues, values: SchoolValues): string | number | null {
  switch (name) {
    case 'boardId':
    case 'municipalityId':
      return idOrNull(values[name]);
    case 'locationCode':
      return values.locationCode.trim().toUpperCase();
    case 'name':
    case 'sector':
      return values[name].trim();
    default:
      return textOrNull(values[name]);
  }
}

const REQUIRED: (keyof SchoolValues & string)[] = ['boardId', 'locationCode', 'name', 'sector', 'municipalityId'];
/** Fields the API does not let an edit change. */
const NOT_EDITABLE: (keyof SchoolValues & string)[] = ['boardId'];

interface Props {
  school?: School;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  /** Preselected board when creating (from `?boardId=`). */
  defaultBoardId?: number;
}

export function SchoolForm({ school, etag = null, onReload, defaultBoardId }: Props) {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const initial = toValues(school, defaultBoardId);
  const form = useRecordForm<SchoolValues>({ initial, required: REQUIRED, onReload });
  const { values, setValue, fieldErrors } = form;
  const municipalities = useAllMunicipalities();
  const boards = useAllBoards(!school);
  const create = useCreateSchool();
  const update = useUpdateSchool(school?.id ?? 0);

  const allowedBoards = (boards.data ?? []).filter((b) => canEditBoard(access, b.id));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = (name: keyof SchoolValues) => fieldValue(name, values);
    await form.submit(
      async () => {
        if (school) {
          const body = form.patchBody<SchoolUpdate>(value, ...NOT_EDITABLE);
          if (body) await update.mutateAsync({ body, etag });
          navigate(`/schools/${school.id}`, body ? { state: { flash: t('common.saved') } } : undefined);
        } else {
          const created = await create.mutateAsync(form.createBody<SchoolCreate>(value));
          navigate(`/schools/${created.school.id}`, { state: { flash: t('common.created') } });
        }
      },
      { skip: school ? NOT_EDITABLE : [] },
    );
  }

  const owned = ownedFields(school?.syncedFrom, { municipalityCode: 'municipalityId' });
  const syncedHint = useSyncedHint(school?.syncedFrom, owned);
  const text = (name: keyof SchoolValues, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <FormField label={label} error={fieldErrors[name]} hint={syncedHint(name) ?? hint} required={REQUIRED.includes(name)}>
      {(a) => (
        <input {...a} {...extra} name={name} value={values[name]} readOnly={owned.has(name)} onChange={(e) => setValue(name, e.target.value)} />
      )}
    </FormField>
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} />

      {!school && (
        <FormField label={t('schools.board')} error={fieldErrors.boardId} required>
          {(a) => (
            <select {...a} name="boardId" value={values.boardId} onChange={(e) => setValue('boardId', e.target.value)}>
              <option value="">{t('schools.chooseBoard')}</option>
              {allowedBoards.map((b) => (
                <option key={b.id} value={String(b.id)}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {text('name', t('schools.name'))}
      {text(
        'locationCode',
        t('schools.locationCode'),
        { maxLength: 6, autoCapitalize: 'characters', spellCheck: false, className: 'input-short' },
        t('schools.locationCodeHint'),
      )}
      <FormField label={t('schools.sector')} error={fieldErrors.sector} hint={syncedHint('sector')} required>
        {(a) => (
          <select {...a} name="sector" value={values.sector} disabled={owned.has('sector')} onChange={(e) => setValue('sector', e.target.value)}>
            <option value="">—</option>
            <SectorOptions />
          </select>
        )}
      </FormField>
      {text('denomination', t('schools.denomination'), { maxLength: 80 })}
      <FormField label={t('schools.municipality')} error={fieldErrors.municipalityId} hint={syncedHint('municipalityId')} required>
        {(a) => (
          <select {...a} name="municipalityId" value={values.municipalityId} disabled={owned.has('municipalityId')} onChange={(e) => setValue('municipalityId', e.target.value)}>
            <option value="">{t('schools.chooseMunicipality')}</option>
            {municipalities.data?.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name} ({m.code})
              </option>
            ))}
            {!municipalities.data && school && (
              <option value={String(school.municipalityId)}>{school.municipalityName ?? school.municipalityId}</option>
            )}
          </select>
        )}
      </FormField>
      <fieldset>
        <legend>{t('schools.address')}</legend>
        {text('street', t('schools.street'), { autoComplete: 'address-line1' })}
        {text('houseNumber', t('schools.houseNumber'), { className: 'input-short' })}
        {text('postalCode', t('schools.postalCode'), { autoComplete: 'postal-code', className: 'input-short' }, t('schools.postalCodeHint'))}
        {text('city', t('schools.city'), { autoComplete: 'address-level2' })}
      </fieldset>
      <fieldset>
        <legend>{t('schools.contact')}</legend>
        {text('email', t('schools.email'), { type: 'email', autoComplete: 'email' })}
        {text('phone', t('schools.phone'), { type: 'tel', autoComplete: 'tel' })}
        {text('website', t('schools.website'), { type: 'url', autoComplete: 'url' })}
      </fieldset>
      <FormField label={t('schools.profile')} error={fieldErrors.profile}>
        {(a) => <textarea {...a} name="profile" rows={4} value={values.profile} onChange={(e) => setValue('profile', e.target.value)} />}
      </FormField>

      <div className="form-actions">
        <SaveButton form={form} />
        <Link to={school ? `/schools/${school.id}` : '/schools'} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
