/**
 * The track's region contact point at the employer service point, and whether (and since when) the
 * board is in touch with it: the date of first contact, kept by the board administrator.
 */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { StaleNotice } from '../../components/StaleNotice';
import { str, useFormState } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { dateOrNull, formatDate, today } from '../../lib/format';
import { useUpdateTrack } from './api';
import { useT } from '../../lib/i18n';
import { ServicePointCard } from './ServicePointCard';
import type { Track } from './types';
import { isStale, useStale } from '../../lib/stale';

interface Props {
  track: Track;
  etag: string | null;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

export function ServicePointSection({ track, etag, canManage, onReload }: Props) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const point = track.employerServicePoint;
  return (
    <section aria-labelledby={`${id}-title`} className="track-section print-plan-part" id="werkgeversservicepunt">
      <h2 id={`${id}-title`}>{t('inclusion.servicePoint.title')}</h2>
      <p className="no-print">{t('inclusion.servicePoint.intro')}</p>
      {point ? <ServicePointCard point={point} /> : <p>{t('inclusion.servicePoint.noRegion')}</p>}
      <h3>{t('inclusion.servicePoint.firstContact')}</h3>
      <p data-testid="first-contact">
        {track.firstContactOn
          ? t('inclusion.servicePoint.firstContactOn', { date: formatDate(track.firstContactOn, language) })
          : t('inclusion.servicePoint.noContact')}
      </p>
      <LiveMessage message={message} />
      {canManage && (
        <FirstContactForm key={etag ?? ''} track={track} etag={etag} onReload={onReload} onSaved={() => setMessage(t('inclusion.servicePoint.firstContactSaved'))} />
      )}
    </section>
  );
}

function FirstContactForm({ track, etag, onReload, onSaved }: Omit<Props, 'canManage'> & { onSaved: () => void }) {
  const { t } = useT('inclusion');
  const form = useFormState({ firstContactOn: str(track.firstContactOn) });
  const update = useUpdateTrack(track.id);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    try {
      await update.mutateAsync({ body: { firstContactOn: dateOrNull(form.values.firstContactOn) }, etag });
      onSaved();
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-label={t('inclusion.servicePoint.firstContactField')}>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
      <div className="field-row field-row-end">
        <FormField label={t('inclusion.servicePoint.firstContactField')} hint={t('inclusion.servicePoint.firstContactHint')} error={form.fieldErrors.firstContactOn}>
          {(a) => (
            <input
              {...a}
              type="date"
              name="firstContactOn"
              className="input-date"
              max={today()}
              value={form.values.firstContactOn}
              onChange={(e) => form.setValue('firstContactOn', e.target.value)}
            />
          )}
        </FormField>
        <div className="field field-button">
          <button type="submit" className="button" disabled={update.isPending || stale}>
            {update.isPending ? t('common.saving') : t('inclusion.servicePoint.saveFirstContact')}
          </button>
        </div>
      </div>
    </form>
  );
}
