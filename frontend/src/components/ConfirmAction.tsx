import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The text of the button that starts the action. */
  label: string;
  /** A longer name for screen readers when `label` alone is ambiguous (e.g. in a table row). */
  accessibleLabel?: string;
  /** The question asked before doing it. */
  message: string;
  /** The text of the button that does it. */
  confirmLabel: string;
  /** Does the action; a rejection closes the confirmation (the caller shows the error). */
  onConfirm: () => Promise<unknown>;
}

/**
 * A destructive action with an inline confirmation step: the button turns into a question with
 * "confirm" and "cancel". Focus moves to the question, and back to the button on cancel.
 */
export function ConfirmAction({ label, accessibleLabel, message, confirmLabel, onConfirm }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const groupRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) groupRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [confirming]);

  function cancel() {
    returnFocus.current = true;
    setConfirming(false);
  }

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch {
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-danger button-small"
        ref={buttonRef}
        aria-label={accessibleLabel}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      className="confirm-step"
      role="group"
      aria-labelledby={`${id}-question`}
      tabIndex={-1}
      ref={groupRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <p id={`${id}-question`}>{message}</p>
      <div className="actions">
        <button type="button" className="button button-danger button-small" onClick={() => void confirm()} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-small" onClick={cancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
