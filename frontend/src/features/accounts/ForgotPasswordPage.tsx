import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { requestPasswordReset } from './api';
import { PublicShell } from './PublicShell';

/** Forgot your password: ask for a link by mail. The answer is the same for every address. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.forgot.title'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    if (!email.trim()) {
      setError(t('common.fieldRequired'));
      return;
    }
    setBusy(true);
    try {
      const answer = await requestPasswordReset(email.trim());
      setDone(answer.detail);
    } catch (err) {
      if (isProblemError(err) && err.status === 429) setError(t('accounts.forgot.tooMany'));
      else if (isProblemError(err) && err.status === 400) setError(err.fieldErrors().email ?? err.detail);
      else setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicShell title={t('accounts.forgot.title')}>
      {done ? (
        <div className="alert alert-info" role="status">
          {done}
        </div>
      ) : (
        <>
          <p>{t('accounts.forgot.intro')}</p>
          <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
            <FormField label={t('auth.email')} error={error} required>
              {(a) => (
                <input
                  {...a}
                  name="email"
                  type="email"
                  inputMode="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </FormField>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('accounts.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('accounts.backToLogin')}</Link>
      </p>
    </PublicShell>
  );
}
