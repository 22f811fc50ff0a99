import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAuth } from '../../lib/auth/AuthProvider';
import { useResendInvitation, useResetTwoFactor, useWithdrawInvitation } from './api';

/** On a colleague's page: an open invitation (resend, withdraw) and a reset of their two-factor login. */
export function InvitationActions({ account }: { account: User }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const resend = useResendInvitation(account.id);
  const withdraw = useWithdrawInvitation(account.id);
  const reset = useResetTwoFactor(account.id);
  const [status, setStatus] = useState<string | null>(null);
  const pending = Boolean(account.invitedAt);

  async function onWithdraw() {
    if (!window.confirm(t('accounts.invitation.withdrawConfirm', { email: account.email }))) return;
    await withdraw.mutateAsync();
    navigate('/users', { state: { flash: t('accounts.invitation.withdrawn', { email: account.email }) } });
  }

  async function onReset() {
    if (!window.confirm(t('accounts.twoFactor.resetConfirm', { name: account.name }))) return;
    await reset.mutateAsync();
    setStatus(t('accounts.twoFactor.resetDone'));
  }

  return (
    <section aria-labelledby="account-access">
      <h2 id="account-access">{t('accounts.invitation.title')}</h2>
      {status && (
        <div className="alert alert-success" role="status">
          {status}
        </div>
      )}
      {pending ? (
        <>
          <p>{t('accounts.invitation.pending')}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={resend.isPending}
              onClick={() => void resend.mutateAsync().then(() => setStatus(t('accounts.invitation.resent')))}
            >
              {t('accounts.invitation.resend')}
            </button>
            <button type="button" className="button button-danger" disabled={withdraw.isPending} onClick={() => void onWithdraw()}>
              {t('accounts.invitation.withdraw')}
            </button>
          </div>
        </>
      ) : (
        account.id !== user?.id && (
          <button type="button" className="button" disabled={reset.isPending} onClick={() => void onReset()}>
            {t('accounts.twoFactor.reset')}
          </button>
        )
      )}
      <ProblemAlert error={resend.error ?? withdraw.error ?? reset.error} />
    </section>
  );
}
