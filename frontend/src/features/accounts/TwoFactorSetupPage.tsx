import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { renderSVG } from 'uqr';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAuth } from '../../lib/auth/AuthProvider';
import { useActivateTwoFactor, useStartTwoFactor } from './api';

/** Set up two-factor login: scan the QR code, confirm with a code, keep the recovery codes. */
export function TwoFactorSetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.twoFactor.setupTitle'));
  const { twoFactor } = useAuth();
  const start = useStartTwoFactor();
  const activate = useActivateTwoFactor();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const setup = start.data;
  const qr = useMemo(
    () => (setup ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(setup.otpauthUri, { border: 2 }))}` : null),
    [setup],
  );

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCodeError(undefined);
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('accounts.twoFactor.sixDigits'));
      return;
    }
    try {
      await activate.mutateAsync(code.trim());
    } catch (err) {
      setCodeError(isProblemError(err) && err.status === 400 ? t('accounts.twoFactor.wrongCode') : t('errors.generic'));
    }
  }

  if (activate.data) {
    return (
      <>
        <h1>{t('accounts.twoFactor.setupTitle')}</h1>
        <div className="alert alert-success" role="status">
          {t('accounts.twoFactor.on')}
        </div>
        <h2>{t('accounts.twoFactor.recoveryTitle')}</h2>
        <p>{t('accounts.twoFactor.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('accounts.twoFactor.recoveryTitle')}>
          {activate.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/" className="button button-primary">
            {t('accounts.twoFactor.continue')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('accounts.twoFactor.setupTitle')}</h1>
      {twoFactor?.setupRequired && (
        <div className="alert alert-info" role="status">
          {t('accounts.twoFactor.requiredNotice')}
        </div>
      )}
      <p>{t('accounts.twoFactor.intro')}</p>
      {twoFactor?.enabled ? (
        <p>{t('accounts.twoFactor.alreadyOn')}</p>
      ) : !setup ? (
        <>
          <ProblemAlert error={start.error} />
          <button type="button" className="button button-primary" onClick={() => start.mutate()} disabled={start.isPending}>
            {t('accounts.twoFactor.start')}
          </button>
        </>
      ) : (
        <>
          <ol>
            <li>{t('accounts.twoFactor.step1')}</li>
            <li>{t('accounts.twoFactor.step2')}</li>
          </ol>
          {qr && <img src={qr} width={220} height={220} alt={t('accounts.twoFactor.qrAlt')} className="qr-code" />}
          <p>
            {t('accounts.twoFactor.manual')} <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <form className="form" onSubmit={(e) => void onConfirm(e)} noValidate>
            <FormField label={t('accounts.twoFactor.code')} error={codeError} required>
              {(a) => (
                <input
                  {...a}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </FormField>
            <button type="submit" className="button button-primary" disabled={activate.isPending}>
              {t('accounts.twoFactor.confirm')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
