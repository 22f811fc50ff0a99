/**
 * One way to edit a record: its form values and the fields changed, the required fields checked
 * before any request, the save (with the ETag the record was read with, as If-Match) refused with
 * 412 making the form stale until the user reloads the record, and a 400's or 409's invalid
 * fields shown next to the fields. `RecordFormAlerts` and `SaveButton` (components) show its state.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, useFormState, type FormValues } from './forms';
import { isStale, useStale } from './stale';

export interface RecordFormOptions<V extends FormValues> {
  /** The record's values (or a new record's defaults). A reloaded record remounts the form (`key`). */
  initial: V;
  /** Fields that must not be empty; checked before the save is sent. */
  required?: (keyof V & string)[];
  /** Reads the record again after a 412 (the page's query refetch). */
  onReload?: () => Promise<unknown>;
}

type Errors<V> = Partial<Record<keyof V & string, string>>;

export function useRecordForm<V extends FormValues>({ initial, required = [], onReload }: RecordFormOptions<V>) {
  const { t } = useTranslation();
  const [original] = useState(initial);
  const form = useFormState<V>(original);
  const { stale, setStale, reloading, reload } = useStale(onReload);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  /** The fields that differ from the record as it was read, but for those given. */
  const changed = useCallback(
    (...except: (keyof V & string)[]) => changedFields(original, form.values).filter((k) => !except.includes(k)),
    [original, form.values],
  );

  /** A PATCH's body: the changed fields (but for those given), each as `value` reads it; null when none changed. */
  function patchBody<B>(value: (name: keyof V & string) => unknown, ...except: (keyof V & string)[]): B | null {
    const names = changed(...except);
    return names.length === 0 ? null : (Object.fromEntries(names.map((k) => [k, value(k)])) as B);
  }

  /** A POST's body: every field (but for those given) that has a value, as `value` reads it. */
  function createBody<B>(value: (name: keyof V & string) => unknown, ...except: (keyof V & string)[]): B {
    return Object.fromEntries(
      (Object.keys(form.values) as (keyof V & string)[])
        .filter((k) => !except.includes(k))
        .map((k) => [k, value(k)] as const)
        .filter(([, v]) => v !== null),
    ) as B;
  }

  /**
   * Checks the required fields (but for those in `skip`) and whatever `check` finds, then runs
   * `save`. A 412 makes the form stale; any other failure lands at its fields or above the form.
   * True when it saved.
   */
  async function submit(
    save: () => Promise<void>,
    { skip = [], check }: { skip?: (keyof V & string)[]; check?: () => Errors<V> } = {},
  ): Promise<boolean> {
    if (busy.current) return false;
    form.clearErrors();
    setStale(false);
    const errors: Errors<V> = {};
    for (const k of required) {
      if (!skip.includes(k) && !(form.values[k] ?? '').trim()) errors[k] = t('common.fieldRequired');
    }
    Object.assign(errors, check?.());
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return false;
    }
    busy.current = true;
    setSaving(true);
    try {
      await save();
      return true;
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
      return false;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  const hasFieldErrors = Object.keys(form.fieldErrors).length > 0;
  return { ...form, stale, reloading, saving, saveDisabled: saving || stale, hasFieldErrors, changed, patchBody, createBody, submit, reload };
}
