import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { unsubscribe, type ReminderKind } from './api';
import { PublicShell } from './PublicShell';

const KINDS: ReminderKind[] = ['school-gaps', 'partnership-dates', 'allowance', 'case-deletions', 'weekly-summary'];

/** The link under a reminder: switch that kind off, without logging in. A click confirms it (a mail
 * scanner that opens the link changes nothing). */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accounts.unsubscribe.title'));
  const [params] = useSearchParams();
  const email = params.get('email') ?? '';
  const kind = params.get('kind') as ReminderKind | null;
  const signature = params.get('signature') ?? '';
  const [state, setState] = useState<'ask' | 'done' | 'error'>('ask');
  const valid = Boolean(email && signature && kind && KINDS.includes(kind));

  async function onClick() {
    if (!kind) return;
    try {
      await unsubscribe(email, kind, signature);
      setState('done');
    } catch {
      setState('error');
    }
  }

  return (
    <PublicShell title={t('accounts.unsubscribe.title')}>
      {!valid || state === 'error' ? (
        <div className="alert alert-error" role="alert">
          {t('accounts.unsubscribe.invalid')}
        </div>
      ) : state === 'done' ? (
        <div className="alert alert-success" role="status">
          {t('accounts.unsubscribe.done', { kind: t(`accounts.reminders.kinds.${kind!}`) })}
        </div>
      ) : (
        <>
          <p>{t('accounts.unsubscribe.question', { email, kind: t(`accounts.reminders.kinds.${kind!}`) })}</p>
          <button type="button" className="button button-primary" onClick={() => void onClick()}>
            {t('accounts.unsubscribe.submit')}
          </button>
        </>
      )}
    </PublicShell>
  );
}
