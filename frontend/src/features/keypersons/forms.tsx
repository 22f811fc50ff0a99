/** What the key persons' forms share: their problems, and the API's field errors mapped onto their own fields. */
import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { isProblemError } from '../../api/client';
import { StaleNotice } from '../../components/StaleNotice';
import { fieldErrorMessage } from '../../lib/forms';
import { isStale, useStale } from '../../lib/stale';
import { RegistryFormError } from '../../components/ProblemMessage';
import { asTFunction } from '../../lib/i18n';
import { type Translate, useT } from '../../lib/i18n';

export { isStale } from '../../lib/stale';

/**
 * The problem's invalid fields as messages per form field (first message wins); `toField` names the
 * form's field for an API field name (`body.` already removed), or null for one the form lacks.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  toField: (name: string) => F | null,
  t: Translate<'keypersons'>,
  i18n: I18n,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!isProblemError(error)) return out;
  for (const p of error.invalidParams) {
    const field = toField(p.name.replace(/^body\./, ''));
    if (field !== null && !(field in out)) out[field] = fieldErrorMessage({ ...p, name: field }, asTFunction(t), i18n);
  }
  return out;
}

/** `toField` for forms whose fields carry the API's names. */
export function oneOf<F extends string>(fields: readonly F[]) {
  return (name: string): F | null => {
    const bare = name.replace(/\[\d+\]$/, '');
    return (fields as readonly string[]).includes(bare) ? (bare as F) : null;
  };
}

/**
 * A form's problems: errors per field (its own checks and the API's), the problem above the form,
 * and a stale edit (412) with a reload of the latest version.
 */
export function useFormErrors<F extends string>(toField: (name: string) => F | null, onReload?: () => Promise<unknown>) {
  const { t, i18n } = useT('keypersons');
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  return {
    errors,
    formError,
    stale,
    /** Before sending: forget the last failure and show the form's own findings. */
    check(found: Partial<Record<F, string>>): boolean {
      setFormError(null);
      setStale(false);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
    /** A failed save: the stale notice, or the API's field errors and its problem. */
    fail(error: unknown) {
      if (isStale(error)) {
        setStale(true);
        return;
      }
      setErrors(fieldErrorsOf(error, toField, t, i18n));
      setFormError(error);
    },
    problems: (
      <FormProblems
        errors={errors}
        formError={formError}
        stale={stale}
        reloading={reloading}
        onReload={reload}
      />
    ),
  };
}

/** Above a form: the stale notice, "check the marked fields", or the problem's message. */
function FormProblems(props: {
  errors: object;
  formError: unknown;
  stale: boolean;
  reloading: boolean;
  onReload: () => Promise<void>;
}) {
  const { t } = useT('keypersons');
  const anyErrors = Object.keys(props.errors).length > 0;
  return (
    <>
      {props.stale && <StaleNotice onReload={() => void props.onReload()} reloading={props.reloading} />}
      {anyErrors && !props.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <RegistryFormError error={props.formError} hasFieldErrors={anyErrors} />
    </>
  );
}
