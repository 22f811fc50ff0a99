import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormField } from '../../components/FormField';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { ownedFields, useSyncedHint } from '../../components/SyncedFrom';
import { idOrNull, str, textOrNull } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoardRegister } from '../../lib/auth/permissions';
import { RegistryFormError } from '../../components/ProblemMessage';
import { useT } from '../../lib/i18n';
import { useScopeBoards } from '../../lib/scope';
import { PERSON_KINDS, type Person, type PersonCreate, type PersonUpdate } from '../../api/registryTypes';
import { useCreatePerson, useUpdatePerson } from './api';
import { parseLanguageCodes } from './languages';
import { LanguagesField } from './LanguagesField';

export type PersonValues = {
  boardId: string;
  name: string;
  kind: string;
  email: string;
  phone: string;
  /** Comma-separated ISO codes (the checkboxes and the "other languages" field together). */
  languages: string;
  notes: string;
};

function toValues(person?: Person, boardId?: number): PersonValues {
  return {
    boardId: str(person?.boardId ?? boardId),
    name: str(person?.name),
    kind: person?.kind ?? 'staff',
    email: str(person?.email),
    phone: str(person?.phone),
    languages: (person?.languages ?? []).join(', '),
    notes: str(person?.notes),
  };
}

function fieldValue(name: keyof PersonValues, values: PersonValues): unknown {
  switch (name) {
    case 'boardId':
      return idOrNull(values.boardId);
    case 'name':
    case 'kind':
      return values[name].trim();
    case 'languages':
      return parseLanguageCodes(values.languages);
    default:
      return textOrNull(values[name]);
  }
}

const REQUIRED: (keyof PersonValues & string)[] = ['boardId', 'name', 'kind'];
const NOT_EDITABLE: (keyof PersonValues & string)[] = ['boardId'];

interface Props {
  person?: Person;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaultBoardId?: number;
}

export function PersonForm({ person, etag = null, onReload, defaultBoardId }: Props) {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const { boards } = useScopeBoards();
  const editableBoards = boards.filter((b) => canEditBoardRegister(access, b.id));
  const initialBoard = defaultBoardId ?? (editableBoards.length === 1 ? editableBoards[0]?.id : undefined);
  const initial = toValues(person, initialBoard);
  const form = useRecordForm<PersonValues>({ initial, required: REQUIRED, onReload });
  const { values, setValue, fieldErrors } = form;
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? 0);
  const lang = i18n.language;

  if (!person && !values.boardId && initialBoard) setValue('boardId', String(initialBoard));

  const codes = parseLanguageCodes(values.languages);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = (name: keyof PersonValues) => fieldValue(name, values);
    await form.submit(
      async () => {
        if (person) {
          // the languages count as changed when their codes are, not their spelling
          const sameLanguages = parseLanguageCodes(initial.languages).join() === codes.join();
          const body = form.patchBody<PersonUpdate>(value, ...NOT_EDITABLE, ...(sameLanguages ? (['languages'] as const) : []));
          if (body) await update.mutateAsync({ body, etag });
          navigate(`/people/${person.id}`, body ? { state: { flash: t('common.saved') } } : undefined);
        } else {
          const created = await create.mutateAsync(form.createBody<PersonCreate>(value));
          navigate(`/people/${created.person.id}`, { state: { flash: t('common.created') } });
        }
      },
      {
        skip: person ? NOT_EDITABLE : [],
        check: () => (codes.some((c) => !/^[a-z]{2,3}$/.test(c)) ? { languages: t('validation.fields.languages') } : {}),
      },
    );
  }

  const owned = ownedFields(person?.syncedFrom);
  const syncedHint = useSyncedHint(person?.syncedFrom, owned);
  const text = (name: keyof PersonValues, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <FormField label={label} error={fieldErrors[name]} hint={syncedHint(name) ?? hint} required={REQUIRED.includes(name)}>
      {(a) => (
        <input {...a} {...extra} name={name} value={values[name]} readOnly={owned.has(name)} onChange={(e) => setValue(name, e.target.value)} />
      )}
    </FormField>
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} summary={RegistryFormError} />

      {!person && editableBoards.length > 1 && (
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
      {text('name', t('people.name'), { autoComplete: 'off' })}
      <FormField label={t('people.kind')} error={fieldErrors.kind} hint={syncedHint('kind') ?? t('people.kindHint')} required>
        {(a) => (
          <select {...a} name="kind" value={values.kind} disabled={owned.has('kind')} onChange={(e) => setValue('kind', e.target.value)}>
            {PERSON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`people.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {text('email', t('people.email'), { type: 'email', autoComplete: 'off' }, t('people.emailHint'))}
      {text('phone', t('people.phone'), { type: 'tel', autoComplete: 'off' })}
      <LanguagesField
        value={codes}
        onChange={(next) => setValue('languages', next.join(', '))}
        legend={t('people.languages')}
        hint={t('people.languagesHint')}
        otherLabel={t('people.otherLanguages')}
        otherHint={t('people.otherLanguagesHint')}
        error={fieldErrors.languages}
        language={lang}
      />
      <FormField label={t('people.notes')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={3} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>

      <div className="form-actions">
        <SaveButton form={form} />
        <Link to={person ? `/people/${person.id}` : '/people'} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
