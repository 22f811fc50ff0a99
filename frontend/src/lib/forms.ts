import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import { isProblemError, ProblemError, type InvalidParam } from '../api/client';

const FORMAT_CODES = new Set(['value_error', 'string_pattern_mismatch']);

/**
 * The message for one invalid field, in the user's language: what the field expects when the
 * API says its format is wrong, a translation of the reason code, or the API's own reason.
 */
export function fieldErrorMessage(param: InvalidParam, t: TFunction, i18n: I18n): string {
  const name = param.name.replace(/^body\./, '');
  const code = param.code ?? '';
  const fieldCodeKey = `validation.fieldCodes.${name}.${code}`;
  if (code && i18n.exists(fieldCodeKey)) return String(t(fieldCodeKey as never));
  const fieldKey = `validation.fields.${name}`;
  if (FORMAT_CODES.has(code) && i18n.exists(fieldKey)) return String(t(fieldKey as never));
  const codeKey = `validation.codes.${code}`;
  if (code && i18n.exists(codeKey)) return String(t(codeKey as never));
  return param.reason;
}

/**
 * The same problem with its invalid fields renamed to the form's field names (`memberships.0.role`
 * to `role`, say); fields the rename maps to null keep their name.
 */
export function renameInvalidParams(error: unknown, rename: (name: string) => string | null): unknown {
  if (!isProblemError(error) || error.invalidParams.length === 0) return error;
  return new ProblemError({
    status: error.status,
    title: error.title,
    detail: error.detail,
    type: error.type,
    instance: error.instance,
    invalidParams: error.invalidParams.map((p) => ({ ...p, name: rename(p.name.replace(/^body\./, '')) ?? p.name })),
  });
}

export type FormValues = Record<string, string>;

/** The fields whose value differs from the original. */
export function changedFields<V extends FormValues>(original: V, current: V): (keyof V & string)[] {
  return (Object.keys(current) as (keyof V & string)[]).filter((k) => (original[k] ?? '') !== (current[k] ?? ''));
}

/** An empty text field means "no value". */
export function textOrNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

export function idOrNull(value: string | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function str(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Form state with per-field errors, filled from a 400 (or 409) problem's invalidParams. */
export function useFormState<V extends FormValues>(initial: V) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof V & string, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const setValue = useCallback((name: keyof V & string, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
  }, []);

  /** Applies a failed request: field errors next to the fields, anything else above the form. */
  const applyError = useCallback(
    (error: unknown) => {
      if (isProblemError(error) && (error.status === 400 || error.status === 409 || error.status === 422)) {
        const known: Partial<Record<keyof V & string, string>> = {};
        for (const param of error.invalidParams) {
          const name = param.name.replace(/^body\./, '');
          if (name in initial && !(name in known)) known[name as keyof V & string] = fieldErrorMessage(param, t, i18n);
        }
        setFieldErrors(known);
      } else {
        setFieldErrors({});
      }
      setFormError(error);
    },
    [initial, t, i18n],
  );

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  return { values, setValue, setValues, fieldErrors, setFieldErrors, formError, applyError, clearErrors };
}
