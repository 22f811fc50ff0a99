import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The name of the new client. */
  name: string;
  /** The key, as the API returned it on creation; it cannot be read again later. */
  apiKey: string;
  /** "I have stored the key". */
  onDone: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* no permission: try selecting the text instead */
  }
  if (!fallbackInput) return false;
  fallbackInput.focus();
  fallbackInput.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * Shows a new API key once, with a copy button and a clear warning that it will not be shown
 * again. Takes the focus when it appears, so the warning is read first.
 */
export function ApiKeyPanel({ name, apiKey, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function onCopy() {
    setCopy((await copyText(apiKey, inputRef.current)) ? 'copied' : 'failed');
  }

  return (
    <section className="key-panel" aria-labelledby={`${id}-title`} data-testid="api-key-panel">
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {t('apiClients.keyTitle', { name })}
      </h2>
      <div className="alert alert-warning" id={`${id}-warning`}>
        <p>
          <strong>{t('apiClients.keyOnceTitle')}</strong>
        </p>
        <p>{t('apiClients.keyOnceText')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('apiClients.key')}</label>
        <div className="copy-row">
          <input
            id={`${id}-key`}
            ref={inputRef}
            className="key-value"
            readOnly
            value={apiKey}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-warning ${id}-usage`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void onCopy()}>
            {t('apiClients.copy')}
          </button>
        </div>
        <p className="field-hint" id={`${id}-usage`}>
          {t('apiClients.keyUsage')}
        </p>
        <p className="copy-status" role="status">
          {copy === 'copied' ? t('apiClients.copied') : copy === 'failed' ? t('apiClients.copyFailed') : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('apiClients.keyStored')}
        </button>
      </div>
    </section>
  );
}
