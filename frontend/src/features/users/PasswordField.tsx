import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';

/** The API's minimum length of a new password. */
export const PASSWORD_MIN_LENGTH = 10;

interface Props {
  label: string;
  hint: string;
  error: string | undefined;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
}

/** A new password for someone else's account, with a switch to show what was typed. */
export function PasswordField({ label, hint, error, required = false, value, onChange }: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <div className="password-field">
      <FormField label={label} hint={hint} error={error} required={required}>
        {(a) => (
          <input
            {...a}
            name="password"
            type={visible ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            autoCapitalize="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </FormField>
      <div className="checkbox-field password-toggle">
        <input id={toggleId} type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
        <label htmlFor={toggleId}>{t('users.showPassword')}</label>
      </div>
    </div>
  );
}
