/**
 * The phases of a track as a stepper: an ordered list with `aria-current="step"` on the phase the
 * board is in, what each phase asks in plain words, the board administrator's move to the next
 * phase (or back) with an optional note, and the history of phase changes.
 */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { StaleNotice } from '../../components/StaleNotice';
import { isStale, useStale } from '../../lib/stale';
import { LiveMessage } from '../../components/LiveMessage';
import { formatDate } from '../../lib/format';
import { useUpdateTrack } from './api';
import { useT } from '../../lib/i18n';
import { nextPhase, PHASES, previousPhase, type Phase, type Track } from './types';

export function PhaseStepper({ track, phase }: { track: Track; phase: Phase }) {
  const { t, language } = useT('inclusion');
  const current = PHASES.indexOf(phase);
  return (
    <ol className="phase-stepper" aria-label={t('inclusion.phases.stepperLabel')} data-testid="phase-stepper">
      {PHASES.map((p, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
        return (
          <li key={p} className={`phase-step phase-${state}`} aria-current={i === current ? 'step' : undefined} data-phase={p}>
            <span className="phase-marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="phase-body">
              <span className="phase-name">
                {t(`inclusion.phases.names.${p}`)}
                <span className="visually-hidden"> ({t(`inclusion.phases.state.${state}`)})</span>
              </span>
              <span className="phase-asks">{t(`inclusion.phases.asks.${p}`)}</span>
              {i === current && (
                <span className="phase-since muted">{t('inclusion.chooser.since', { date: formatDate(track.phaseSince, language) })}</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

interface Props {
  track: Track;
  etag: string | null;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

export function PhasesSection({ track, etag, canManage, onReload }: Props) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby={`${id}-phases`} className="track-section print-plan-part" id="fasen">
      <h2 id={`${id}-phases`}>{t('inclusion.phases.title')}</h2>
      <p className="no-print">{t('inclusion.phases.intro')}</p>
      <PhaseStepper track={track} phase={track.phase} />
      <div className="phase-current" data-testid="phase-current">
        <p>
          <strong>
            {t('inclusion.phases.current', {
              phase: t(`inclusion.phases.names.${track.phase}`).toLowerCase(),
              date: formatDate(track.phaseSince, language),
            })}
          </strong>
        </p>
        <h3 className="phase-asks-title">{t('inclusion.phases.currentAsks')}</h3>
        <p>{t(`inclusion.phases.asks.${track.phase}`)}</p>
      </div>
      <LiveMessage message={message} />
      {canManage && <PhaseChangeForm track={track} etag={etag} onReload={onReload} onChanged={setMessage} />}
      <PhaseHistory track={track} />
    </section>
  );
}

function PhaseChangeForm({ track, etag, onReload, onChanged }: Omit<Props, 'canManage'> & { onChanged: (message: string) => void }) {
  const { t } = useT('inclusion');
  const id = useId();
  const update = useUpdateTrack(track.id);
  const [note, setNote] = useState('');
  const { stale, setStale, reloading, reload } = useStale(onReload);
  const [error, setError] = useState<unknown>(null);
  const next = nextPhase(track.phase);
  const previous = previousPhase(track.phase);

  async function move(to: Phase) {
    if (update.isPending) return;
    setError(null);
    setStale(false);
    try {
      await update.mutateAsync({ body: { phase: to, phaseNote: note.trim() || null }, etag });
      setNote('');
      onChanged(t('inclusion.phases.changed', { phase: t(`inclusion.phases.names.${to}`).toLowerCase() }));
    } catch (e) {
      if (isStale(e)) setStale(true);
      else setError(e);
    }
  }

  return (
    <form
      className="inline-form phase-change no-print"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        if (next) void move(next);
      }}
    >
      <h3 id={`${id}-title`}>{t('inclusion.phases.change')}</h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={error} hasFieldErrors={false} />
      <FormField label={t('inclusion.phases.note')} hint={t('inclusion.phases.noteHint')}>
        {(a) => <textarea {...a} name="phaseNote" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        {next && (
          <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
            {t('inclusion.phases.next', { phase: t(`inclusion.phases.names.${next}`) })}
          </button>
        )}
        {previous && (
          <button type="button" className="button" onClick={() => void move(previous)} disabled={update.isPending || stale}>
            {t('inclusion.phases.back', { phase: t(`inclusion.phases.names.${previous}`) })}
          </button>
        )}
      </div>
    </form>
  );
}

function PhaseHistory({ track }: { track: Track }) {
  const { t, language } = useT('inclusion');
  const id = useId();
  if (track.history.length === 0) return null;
  const name = (p: Phase) => t(`inclusion.phases.names.${p}`);
  return (
    <div className="phase-history-wrap">
      <h3 id={`${id}-history`}>{t('inclusion.phases.history')}</h3>
      <div className="table-wrap" role="region" aria-labelledby={`${id}-history`} tabIndex={0}>
        <table className="table-stack" role="table" data-testid="phase-history">
          <caption className="visually-hidden">{t('inclusion.phases.historyCaption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t('inclusion.phases.historyDate')}</th>
              <th scope="col" role="columnheader">{t('inclusion.phases.historyChange')}</th>
              <th scope="col" role="columnheader">{t('inclusion.phases.historyBy')}</th>
              <th scope="col" role="columnheader">{t('inclusion.phases.historyNote')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {track.history.map((h, i) => (
              <tr role="row" key={`${h.changedOn}-${i}`}>
                <td role="cell" data-label={t('inclusion.phases.historyDate')} className="nowrap">
                  {formatDate(h.changedOn, language)}
                </td>
                <td role="cell" data-label={t('inclusion.phases.historyChange')}>
                  {h.fromPhase
                    ? t('inclusion.phases.fromTo', { from: name(h.fromPhase), to: name(h.phase) })
                    : t('inclusion.phases.startedWith', { phase: name(h.phase).toLowerCase() })}
                </td>
                <td role="cell" data-label={t('inclusion.phases.historyBy')}>{h.changedBy}</td>
                <td role="cell" data-label={t('inclusion.phases.historyNote')} className="prewrap">
                  {h.note || t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
