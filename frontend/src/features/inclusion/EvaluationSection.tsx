/**
 * The evaluation at completion: what worked, what did not and what other boards can learn, and
 * whether the board shares it with other boards. Kept by the board administrator; read by the rest.
 */
import { Fragment, useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { StaleNotice } from '../../components/StaleNotice';
import { changedFields, str, useFormState } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { useUpdateTrack } from './api';
import { useT } from '../../lib/i18n';
import { PHASES, type Track, type TrackUpdate } from './types';
import { isStale, useStale } from '../../lib/stale';

interface Props {
  track: Track;
  etag: string | null;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

const TEXTS = ['evaluationWorked', 'evaluationDidNotWork', 'evaluationLessons'] as const;
const LABELS = { evaluationWorked: 'worked', evaluationDidNotWork: 'didNotWork', evaluationLessons: 'lessons' } as const;

export function EvaluationSection({ track, etag, canManage, onReload }: Props) {
  const { t } = useT('inclusion');
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const early = PHASES.indexOf(track.phase) < PHASES.indexOf('evaluation');
  return (
    <section aria-labelledby={`${id}-title`} className="track-section" id="evaluatie">
      <h2 id={`${id}-title`}>{t('inclusion.evaluation.title')}</h2>
      <p>{t('inclusion.evaluation.intro')}</p>
      {early && <p className="muted">{t('inclusion.evaluation.beforePhase')}</p>}
      <LiveMessage message={message} />
      {canManage ? (
        <EvaluationForm key={etag ?? ''} track={track} etag={etag} onReload={onReload} onSaved={() => setMessage(t('inclusion.evaluation.saved'))} />
      ) : (
        <>
          <dl className="details" data-testid="evaluation">
            {TEXTS.map((k) => (
              <Fragment key={k}>
                <dt>{t(`inclusion.evaluation.${LABELS[k]}`)}</dt>
                <dd className="prewrap">{track[k] || t('inclusion.evaluation.empty')}</dd>
              </Fragment>
            ))}
          </dl>
          <p>{track.sharesEvaluation ? t('inclusion.evaluation.sharing') : t('inclusion.evaluation.notSharing')}</p>
        </>
      )}
    </section>
  );
}

type Values = { evaluationWorked: string; evaluationDidNotWork: string; evaluationLessons: string; sharesEvaluation: string };

function EvaluationForm({ track, etag, onReload, onSaved }: Omit<Props, 'canManage'> & { onSaved: () => void }) {
  const { t } = useT('inclusion');
  const id = useId();
  const initial: Values = {
    evaluationWorked: str(track.evaluationWorked),
    evaluationDidNotWork: str(track.evaluationDidNotWork),
    evaluationLessons: str(track.evaluationLessons),
    sharesEvaluation: track.sharesEvaluation ? 'true' : '',
  };
  const form = useFormState<Values>(initial);
  const { values, setValue, fieldErrors } = form;
  const update = useUpdateTrack(track.id);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    const changed = changedFields(initial, values);
    if (changed.length === 0) {
      onSaved();
      return;
    }
    const body: TrackUpdate = {};
    for (const k of TEXTS) if (changed.includes(k)) body[k] = values[k].trim() || null;
    if (changed.includes('sharesEvaluation')) body.sharesEvaluation = values.sharesEvaluation === 'true';
    try {
      await update.mutateAsync({ body, etag });
      onSaved();
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="form evaluation-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('inclusion.evaluation.title')}>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      {TEXTS.map((k) => (
        <FormField key={k} label={t(`inclusion.evaluation.${LABELS[k]}`)} error={fieldErrors[k]}>
          {(a) => <textarea {...a} name={k} rows={4} maxLength={4000} value={values[k]} onChange={(e) => setValue(k, e.target.value)} />}
        </FormField>
      ))}
      <div className={fieldErrors.sharesEvaluation ? 'checkbox-field field-invalid' : 'checkbox-field'}>
        <input
          type="checkbox"
          id={`${id}-shares`}
          name="sharesEvaluation"
          checked={values.sharesEvaluation === 'true'}
          aria-describedby={`${id}-shares-hint`}
          onChange={(e) => setValue('sharesEvaluation', e.target.checked ? 'true' : '')}
        />
        <label htmlFor={`${id}-shares`}>{t('inclusion.evaluation.shares')}</label>
      </div>
      <p className="field-hint" id={`${id}-shares-hint`}>
        {t('inclusion.evaluation.sharesHint')}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('inclusion.evaluation.save')}
        </button>
      </div>
    </form>
  );
}
