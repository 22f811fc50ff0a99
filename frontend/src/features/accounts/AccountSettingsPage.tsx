import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAuth } from '../../lib/auth/AuthProvider';
import { useReminderSettings, useSwitchOffTwoFactor, useUpdateReminderSettings } from './api';

/** Your own account: two-factor login and which reminders you receive. */
export function AccountSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.settings.title'));
  const { twoFactor } = useAuth();
  const reminders = useReminderSettings();
  const update = useUpdateReminderSettings();
  const switchOff = useSwitchOffTwoFactor();

  return (
    <>
      <h1>{t('accounts.settings.title')}</h1>
      <section aria-labelledby="two-factor">
        <h2 id="two-factor">{t('accounts.twoFactor.title')}</h2>
        <p>{twoFactor?.enabled ? t('accounts.twoFactor.on') : t('accounts.twoFactor.off')}</p>
        {twoFactor?.required && <p className="field-hint">{t('accounts.twoFactor.requiredHint')}</p>}
        {twoFactor?.enabled ? (
          !twoFactor.required && (
            <button type="button" className="button" onClick={() => switchOff.mutate()} disabled={switchOff.isPending}>
              {t('accounts.twoFactor.switchOff')}
            </button>
          )
        ) : (
          <Link to="/account/two-factor" className="button button-primary">
            {t('accounts.twoFactor.setUp')}
          </Link>
        )}
        <ProblemAlert error={switchOff.error} />
      </section>

      <section aria-labelledby="reminders">
        <h2 id="reminders">{t('accounts.reminders.title')}</h2>
        <p>{t('accounts.reminders.intro', { email: reminders.data?.email ?? '' })}</p>
        {reminders.isPending ? (
          <Loading />
        ) : reminders.error ? (
          <ProblemAlert error={reminders.error} />
        ) : (
          <fieldset>
            <legend>{t('accounts.reminders.legend')}</legend>
            {reminders.data.settings.map((s) => (
              <div className="checkbox-field" key={s.kind}>
                <input
                  id={`reminder-${s.kind}`}
                  type="checkbox"
                  checked={s.enabled}
                  disabled={update.isPending}
                  onChange={(e) => update.mutate([{ kind: s.kind, enabled: e.target.checked }])}
                />
                <label htmlFor={`reminder-${s.kind}`}>{t(`accounts.reminders.kinds.${s.kind}`)}</label>
              </div>
            ))}
          </fieldset>
        )}
        <ProblemAlert error={update.error} />
      </section>
    </>
  );
}
