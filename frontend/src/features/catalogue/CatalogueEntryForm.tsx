import { useState, type FormEvent, type ReactNode } from 'react';
import { FormField } from '../../components/FormField';
import { useFormState, type FormValues } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { RegistryFormError } from '../../components/ProblemMessage';
import { useT } from '../../lib/i18n';
import { useLocalName, type ScopeBoard } from '../../lib/scope';
import { CODE_PATTERN, codeFromName } from './code';

/** The fields every catalogue entry has; a form may add its own. */
export interface EntryValues extends FormValues {
  boardId: string;
  nameNl: string;
  nameEn: string;
  code: string;
}

/** What the API needs of every entry, checked and trimmed. */
export interface EntryBase {
  boardId: number;
  code: string;
  nameNl: string;
  nameEn: string;
}

export type EntryForm<V extends EntryValues> = ReturnType<typeof useFormState<V>>;

interface Props<V extends EntryValues> {
  titleId: string;
  title: string;
  submitLabel: string;
  /** The boards the user may add to; with more than one, the form asks which. */
  boards: ScopeBoard[];
  /** Empty values, the form's own fields included. */
  blank: V;
  /** Sends the entry; answers the created entry. */
  save: (base: EntryBase, values: V) => Promise<{ nameNl: string; nameEn: string }>;
  addedMessage: (name: string) => string;
  /** The form's own fields, between the names and the submit button. */
  children?: (form: EntryForm<V>) => ReactNode;
}

/**
 * Adds an entry to a board's own catalogue: board, Dutch and English name, and a code proposed
 * from the Dutch name. A duplicate code (409) or a malformed one (400) shows next to the code.
 */
export function CatalogueEntryForm<V extends EntryValues>({
  titleId,
  title,
  submitLabel,
  boards,
  blank,
  save,
  addedMessage,
  children,
}: Props<V>) {
  const { t } = useT();
  const localName = useLocalName();
  const form = useFormState<V>(blank);
  const { values, setValue, fieldErrors } = form;
  const [codeEdited, setCodeEdited] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const boardId = values.boardId || (boards.length === 1 ? String(boards[0]?.id) : '');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    form.clearErrors();
    setMessage(null);
    const code = values.code.trim();
    const nameNl = values.nameNl.trim();
    const errors: Partial<Record<keyof EntryValues, string>> = {};
    if (!boardId) errors.boardId = t('catalogue.boardRequired');
    if (!nameNl) errors.nameNl = t('common.fieldRequired');
    if (!code) errors.code = t('common.fieldRequired');
    else if (!CODE_PATTERN.test(code)) errors.code = t('validation.fields.code');
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors as Partial<Record<keyof V & string, string>>);
      return;
    }
    setSaving(true);
    try {
      const created = await save({ boardId: Number(boardId), code, nameNl, nameEn: values.nameEn.trim() || nameNl }, values);
      form.setValues(blank);
      setCodeEdited(false);
      setMessage(addedMessage(localName(created)));
    } catch (error) {
      form.applyError(error);
    } finally {
      setSaving(false);
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="inline-form catalogue-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <LiveMessage message={message} />
      {hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <RegistryFormError error={form.formError} hasFieldErrors={hasFieldErrors} />
      {boards.length > 1 && (
        <FormField label={t('registry.board')} error={fieldErrors.boardId} required>
          {(a) => (
            <select {...a} name="boardId" value={values.boardId} onChange={(e) => setValue('boardId', e.target.value)}>
              <option value="">{t('registry.chooseBoard')}</option>
              {boards.map((b) => (
                <option key={b.id} value={String(b.id)}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t('catalogue.nameNl')} error={fieldErrors.nameNl} required>
        {(a) => (
          <input
            {...a}
            name="nameNl"
            lang="nl"
            maxLength={120}
            value={values.nameNl}
            onChange={(e) => {
              setValue('nameNl', e.target.value);
              if (!codeEdited) setValue('code', codeFromName(e.target.value));
            }}
          />
        )}
      </FormField>
      <FormField label={t('catalogue.nameEn')} error={fieldErrors.nameEn} hint={t('catalogue.nameEnHint')}>
        {(a) => (
          <input {...a} name="nameEn" lang="en" maxLength={120} value={values.nameEn} onChange={(e) => setValue('nameEn', e.target.value)} />
        )}
      </FormField>
      <FormField label={t('catalogue.code')} error={fieldErrors.code} hint={t('catalogue.codeHint')} required>
        {(a) => (
          <input
            {...a}
            name="code"
            maxLength={60}
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            value={values.code}
            onChange={(e) => {
              setCodeEdited(e.target.value !== '');
              setValue('code', e.target.value);
            }}
          />
        )}
      </FormField>
      {children?.(form)}
      {/* Not disabled while saving: that would drop the keyboard focus. */}
      <button type="submit" className="button button-primary">
        {saving ? t('common.saving') : submitLabel}
      </button>
    </form>
  );
}
