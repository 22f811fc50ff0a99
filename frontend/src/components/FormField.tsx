import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldA11y {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface Props {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Renders the control with the id and ARIA attributes that tie it to label, hint and error. */
  children: (a11y: FieldA11y) => ReactNode;
}

/** A labelled form control with an optional hint and its error message, wired for screen readers. */
export function FormField({ label, error, hint, required = false, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
