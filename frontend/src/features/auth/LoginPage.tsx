import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isProblemError } from '../../api/client';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAuth } from '../../lib/auth/AuthProvider';
import type { LoginRedirectState } from './RequireAuth';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

export function LoginPage() {
  const { t } = useTranslation();
  const { status, login, expired } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const from = (location.state as LoginRedirectState | null)?.from;
  const target = from && from.startsWith('/') && !from.startsWith('/login') ? from : '/';

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Two-factor login: after the password, the code from the app (or a recovery code).
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useDocumentTitle(t('auth.title'));

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  if (status === 'loading') return <Loading fullPage />;
  if (status === 'authenticated' && !submitting) return <Navigate to={target} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    if (!email.trim() || !password) {
      setFieldErrors({
        ...(email.trim() ? {} : { email: t('common.fieldRequired') }),
        ...(password ? {} : { password: t('common.fieldRequired') }),
      });
      setError(t('auth.required'));
      return;
    }
    setSubmitting(true);
    try {
      await login(email.trim(), password, needCode ? code.trim() : undefined);
      navigate(target, { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (isProblemError(err) && err.type.endsWith('second-factor-required')) {
        setNeedCode(true);
        return;
      }
      if (isProblemError(err) && err.type.endsWith('invalid-second-factor')) {
        setCode('');
        setError(t('accounts.login.wrongCode'));
        return;
      }
      setPassword('');
      setNeedCode(false);
      setCode('');
      if (isProblemError(err)) {
        if (err.status === 429) setError(t('auth.tooManyAttempts'));
        else if (err.status === 401) setError(t('auth.wrongCredentials'));
        else if (err.status === 400) {
          const fields = err.fieldErrors();
          setFieldErrors({ email: fields.email, password: fields.password });
          setError(err.detail || t('errors.validation'));
        } else if (err.status === 0) setError(t('errors.network'));
        else setError(err.detail || t('errors.generic'));
      } else {
        setError(t('errors.generic'));
      }
    }
  }

  const emailError = fieldErrors.email;
  const passwordError = fieldErrors.password;

  return (
    <div className="login-shell">
      <header className="login-header">
        <span className="brand">
          <span className="brand-mark" />
          {t('app.name')}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="container narrow" tabIndex={-1}>
        <h1>{t('auth.title')}</h1>
        <p>{t('auth.intro')}</p>
        {expired && !error && (
          <div className="alert alert-info" role="status">
            {t('auth.sessionExpired')}
          </div>
        )}
        {error && (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={alertRef} id={`${id}-error`}>
            <strong>{t('auth.failed')}: </strong>
            {error}
          </div>
        )}
        <form className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('auth.email')}</label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? `${id}-email-error` : undefined}
            />
            {emailError && (
              <p className="field-error" id={`${id}-email-error`}>
                {emailError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? `${id}-password-error` : undefined}
            />
            {passwordError && (
              <p className="field-error" id={`${id}-password-error`}>
                {passwordError}
              </p>
            )}
          </div>
          {needCode && (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('accounts.login.code')}</label>
              <p className="field-hint" id={`${id}-code-hint`}>
                {t('accounts.login.codeHint')}
              </p>
              <input
                id={`${id}-code`}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-describedby={`${id}-code-hint`}
              />
            </div>
          )}
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitting ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <p>
          <Link to="/wachtwoord-vergeten">{t('accounts.login.forgot')}</Link>
        </p>
      </main>
    </div>
  );
}
