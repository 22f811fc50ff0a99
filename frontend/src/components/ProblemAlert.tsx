import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problemMessage';

interface Props {
  error: unknown;
  /** Overrides the message derived from the error. */
  message?: string;
  /** Move keyboard focus to the message when it appears (for errors after submitting a form). */
  focus?: boolean;
  onRetry?: () => void;
}

export function ProblemAlert({ error, message, focus = false, onRetry }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && (error || message)) ref.current?.focus();
  }, [focus, error, message]);
  if (!error && !message) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p>{message ?? problemMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
