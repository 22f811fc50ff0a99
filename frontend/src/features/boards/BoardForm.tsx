import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Board, BoardCreate, BoardUpdate } from '../../api/types';
import { FormField } from '../../components/FormField';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { idOrNull, str, textOrNull } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { useAllMunicipalities } from '../../lib/reference';
import { useCreateBoard, useUpdateBoard } from './api';

type BoardValues = {
  number: string;
  name: string;
  municipalityId: string;
  email: string;
  phone: string;
  website: string;
  retentionYears: string;
};

function toValues(board?: Board): BoardValues {
  return {
    number: str(board?.number),
    name: str(board?.name),
    municipalityId: str(board?.municipalityId),
    email: str(board?.email),
    phone: str(board?.phone),
    website: str(board?.website),
    retentionYears: str(board?.retentionYears ?? 7),
  };
}

function fieldValue(name: keyof BoardValues, values: BoardValues) {
  switch (name) {
    case 'number':
    case 'name':
      return values[name].trim();
    case 'municipalityId':
      return idOrNull(values.municipalityId);
    case 'retentionYears':
      return Number(values.retentionYears.trim());
    default:
      return textOrNull(values[name]);
  }
}

const REQUIRED: (keyof BoardValues & string)[] = ['number', 'name'];

interface Props {
  /** The board being edited, with the ETag it was read with; absent when creating. */
  board?: Board;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
}

export function BoardForm({ board, etag = null, onReload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useRecordForm<BoardValues>({ initial: toValues(board), required: REQUIRED, onReload });
  const { values, setValue, fieldErrors } = form;
  const municipalities = useAllMunicipalities();
  const create = useCreateBoard();
  const update = useUpdateBoard(board?.id ?? 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = (name: keyof BoardValues) => fieldValue(name, values);
    await form.submit(async () => {
      if (board) {
        const body = form.patchBody<BoardUpdate>(value);
        if (body) await update.mutateAsync({ body, etag });
        navigate(`/boards/${board.id}`, body ? { state: { flash: t('common.saved') } } : undefined);
      } else {
        const created = await create.mutateAsync(form.createBody<BoardCreate>(value, 'retentionYears'));
        navigate(`/boards/${created.board.id}`, { state: { flash: t('common.created') } });
      }
    });
  }

  const cancelTo = board ? `/boards/${board.id}` : '/boards';

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} />

      <FormField label={t('boards.name')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" value={values.name} onChange={(e) => setValue('name', e.target.value)} autoComplete="organization" />}
      </FormField>
      <FormField label={t('boards.number')} hint={t('boards.numberHint')} error={fieldErrors.number} required>
        {(a) => (
          <input
            {...a}
            name="number"
            inputMode="numeric"
            maxLength={5}
            value={values.number}
            onChange={(e) => setValue('number', e.target.value)}
            className="input-short"
          />
        )}
      </FormField>
      <FormField label={t('boards.municipality')} error={fieldErrors.municipalityId}>
        {(a) => (
          <select {...a} name="municipalityId" value={values.municipalityId} onChange={(e) => setValue('municipalityId', e.target.value)}>
            <option value="">{t('schools.chooseMunicipality')}</option>
            {municipalities.data?.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name} ({m.code})
              </option>
            ))}
            {/* Keep the current value selectable while the list loads. */}
            {!municipalities.data && board?.municipalityId != null && (
              <option value={String(board.municipalityId)}>{board.municipalityName ?? board.municipalityId}</option>
            )}
          </select>
        )}
      </FormField>
      <FormField label={t('boards.email')} error={fieldErrors.email}>
        {(a) => <input {...a} name="email" type="email" autoComplete="email" value={values.email} onChange={(e) => setValue('email', e.target.value)} />}
      </FormField>
      <FormField label={t('boards.phone')} error={fieldErrors.phone}>
        {(a) => <input {...a} name="phone" type="tel" autoComplete="tel" value={values.phone} onChange={(e) => setValue('phone', e.target.value)} />}
      </FormField>
      <FormField label={t('boards.website')} error={fieldErrors.website}>
        {(a) => <input {...a} name="website" type="url" autoComplete="url" value={values.website} onChange={(e) => setValue('website', e.target.value)} />}
      </FormField>
      {board && (
        <FormField label={t('boards.retentionYears')} hint={t('boards.retentionHint')} error={fieldErrors.retentionYears}>
          {(a) => (
            <input
              {...a}
              name="retentionYears"
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              className="input-short"
              value={values.retentionYears}
              onChange={(e) => setValue('retentionYears', e.target.value)}
            />
          )}
        </FormField>
      )}

      <div className="form-actions">
        <SaveButton form={form} />
        <Link to={cancelTo} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
