import { useState } from 'react';
import { FormField } from '../../components/FormField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { COMMON_LANGUAGES, languageName, parseLanguageCodes } from './languages';

const COMMON: readonly string[] = COMMON_LANGUAGES;

interface Props {
  /** ISO codes. */
  value: string[];
  onChange: (codes: string[]) => void;
  legend: string;
  hint?: string;
  otherLabel: string;
  otherHint?: string;
  error?: string;
  language: string;
}

/** Languages as the people form asks for them: checkboxes for the common ones, a text field for others. */
export function LanguagesField({ value, onChange, legend, hint, otherLabel, otherHint, error, language }: Props) {
  const checked = value.filter((c) => COMMON.includes(c)) as (typeof COMMON_LANGUAGES)[number][];
  const [otherText, setOtherText] = useState(value.filter((c) => !COMMON.includes(c)).join(', '));
  return (
    <>
      <CheckboxGroup
        legend={legend}
        hint={hint}
        name="languages"
        options={COMMON_LANGUAGES}
        labelOf={(c) => languageName(c, language)}
        values={checked}
        onChange={(v) => onChange([...v, ...parseLanguageCodes(otherText)])}
      />
      <FormField label={otherLabel} error={error} hint={otherHint}>
        {(a) => (
          <input
            {...a}
            name="otherLanguages"
            className="input-short"
            spellCheck={false}
            value={otherText}
            onChange={(e) => {
              setOtherText(e.target.value);
              onChange([...checked, ...parseLanguageCodes(e.target.value)]);
            }}
          />
        )}
      </FormField>
    </>
  );
}
