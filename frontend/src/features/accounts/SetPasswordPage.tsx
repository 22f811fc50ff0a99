import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PASSWORD_MIN_LENGTH } from '../users/PasswordField';
import { setNewPassword, tokenFromHash } from './api';
import { PublicShell } from './PublicShell';

/** Choose a password with the link from an invitation (`invitation`) or a reset mail (`reset`). */
export function SetPasswordPage({ purpose }: { purpose: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const title = purpose === 'invitation' ? t('accounts.setPassword.titleInvitation') : t('accounts.setPassword.titleReset');
  useDocumentTitle(title);
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [linkError, setLinkError] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (password.length < PASSWORD_MIN_LENGTH) found.password = t('accounts.setPassword.tooShort', { min: PASSWORD_MIN_LENGTH });
    if (repeat !== password) found.repeat = t('accounts.setPassword.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0 || !token) return;
    setBusy(true);
    try {
      await setNewPassword(token, password);
      setDone(true);
    } catch (err) {
      if (isProblemError(err) && err.type.endsWith('invalid-link')) setLinkError(true);
      else if (isProblemError(err) && err.status === 400) setErrors({ password: err.fieldErrors().password ?? err.detail });
      else setErrors({ password: t('errors.generic') });
    } finally {
      setBusy(false);
    }
  }

  if (!token || linkError) {
    return (
      <PublicShell title={title}>
        <div className="alert alert-error" role="alert">
          {t('accounts.setPassword.invalidLink')}
        </div>
        <p>
          <Link to="/wachtwoord-vergeten">{t('accounts.setPassword.askNew')}</Link>
        </p>
      </PublicShell>
    );
  }
  if (done) {
    return (
      <PublicShell title={title}>
        <div className="alert alert-success" role="status">
          {t('accounts.setPassword.done')}
        </div>
        <p>
          <Link to="/login" className="button button-primary">
            {t('auth.submit')}
          </Link>
        </p>
      </PublicShell>
    );
  }
  return (
    <PublicShell title={title}>
      <p>{t('accounts.setPassword.intro', { min: PASSWORD_MIN_LENGTH })}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormField label={t('accounts.setPassword.password')} error={errors.password} required>
          {(a) => (
            <input
              {...a}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('accounts.setPassword.repeat')} error={errors.repeat} required>
          {(a) => (
            <input
              {...a}
              name="repeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('accounts.setPassword.submit')}
        </button>
      </form>
    </PublicShell>
  );
}
