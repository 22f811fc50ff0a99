/** What a record form shows of its state (see `lib/useRecordForm`): the alerts above it and its save button. */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from './FormErrorSummary';
import { StaleNotice } from './StaleNotice';

interface FormState {
  stale: boolean;
  reloading: boolean;
  saving: boolean;
  saveDisabled: boolean;
  hasFieldErrors: boolean;
  formError: unknown;
  reload: () => Promise<void>;
}

type Summary = ComponentType<{ error: unknown; hasFieldErrors: boolean }>;

/**
 * Above the form: a stale record (412) with its reload button, and what went wrong with the save
 * (`summary`: the registry's screens name the problems they know, see `RegistryFormError`).
 */
export function RecordFormAlerts({ form, summary: ErrorSummary = FormErrorSummary }: { form: FormState; summary?: Summary }) {
  const { t } = useTranslation();
  return (
    <>
      {form.stale && <StaleNotice onReload={() => void form.reload()} reloading={form.reloading} />}
      {form.hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <ErrorSummary error={form.formError} hasFieldErrors={form.hasFieldErrors} />
    </>
  );
}

/** The save button: "Opslaan", "Bezig met opslaan…" while saving; disabled while saving or stale. */
export function SaveButton({ form, label }: { form: FormState; label?: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button button-primary" disabled={form.saveDisabled}>
      {form.saving ? t('common.saving') : (label ?? t('common.save'))}
    </button>
  );
}
