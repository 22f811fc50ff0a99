import { useId } from 'react';

interface Props<V extends string> {
  legend: string;
  name: string;
  options: readonly V[];
  labelOf: (value: V) => string;
  values: readonly V[];
  onChange: (values: V[]) => void;
  hint?: string;
  error?: string;
}

/** A fieldset of checkboxes for a multiple choice, with its hint and error tied to every box. */
export function CheckboxGroup<V extends string>({ legend, name, options, labelOf, values, onChange, hint, error }: Props<V>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  function toggle(value: V, checked: boolean) {
    const next = checked ? [...values, value] : values.filter((v) => v !== value);
    onChange(options.filter((o) => next.includes(o)));
  }
  return (
    <fieldset className={error ? 'checkbox-group field-invalid' : 'checkbox-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="checkbox-options">
        {options.map((option) => (
          <div className="checkbox-field" key={option}>
            <input
              id={`${id}-${option}`}
              type="checkbox"
              name={name}
              value={option}
              checked={values.includes(option)}
              onChange={(e) => toggle(option, e.target.checked)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${option}`}>{labelOf(option)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
