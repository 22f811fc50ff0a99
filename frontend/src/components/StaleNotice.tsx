import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown when a save was refused with 412: someone else changed the record meanwhile. */
export function StaleNotice({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-warning" role="alert" tabIndex={-1} ref={ref} data-testid="stale-notice">
      <p>
        <strong>{t('errors.staleTitle')}</strong>
      </p>
      <p>{t('errors.stale')}</p>
      <button type="button" className="button button-primary" onClick={onReload} disabled={reloading}>
        {t('common.reload')}
      </button>
    </div>
  );
}
