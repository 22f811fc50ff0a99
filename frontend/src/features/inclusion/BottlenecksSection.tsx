/**
 * The bottlenecks named at the intake: the catalogue's (seed 003 and FACTS.md) or the board's own
 * with a name, each with notes; marked resolved, changed or removed by the board administrator.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { str, useFormState } from '../../lib/forms';
import { newIdempotencyKey } from '../keypersons/format';
import { LiveMessage } from '../../components/LiveMessage';
import { useBottlenecks, useCreateBottleneck, useDeleteBottleneck, useUpdateBottleneck } from './api';
import { type Translate, useT } from '../../lib/i18n';
import { BOTTLENECK_KINDS, type Bottleneck, type BottleneckKind } from './types';
import { isStale, useStale } from '../../lib/stale';

/** A bottleneck's name: the board's own for `other` (or "Anders"), else the catalogue's. */
export function bottleneckName(b: Pick<Bottleneck, 'kind' | 'label'>, t: Translate<'inclusion'>): string {
  return b.kind === 'other' ? b.label || t('inclusion.bottlenecks.kinds.other') : t(`inclusion.bottlenecks.kinds.${b.kind}`);
}

export function BottlenecksSection({ trackId, canManage }: { trackId: number; canManage: boolean }) {
  const { t } = useT('inclusion');
  const id = useId();
  const query = useBottlenecks(trackId);
  const update = useUpdateBottleneck(trackId);
  const remove = useDeleteBottleneck(trackId);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { stale, setStale, reloading, reload } = useStale(() => query.refetch());
  const items = query.data ?? [];

  async function toggle(b: Bottleneck) {
    setActionError(null);
    try {
      await update.mutateAsync({ bottleneckId: b.id, body: { resolved: !b.resolved }, etag: b.etag });
      const name = bottleneckName(b, t);
      setMessage(b.resolved ? t('inclusion.bottlenecks.reopened', { name }) : t('inclusion.bottlenecks.resolvedMessage', { name }));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else setActionError(error);
    }
  }

  async function onRemove(b: Bottleneck) {
    setActionError(null);
    try {
      await remove.mutateAsync({ bottleneckId: b.id, etag: b.etag });
      setMessage(t('inclusion.bottlenecks.removed'));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else setActionError(error);
      throw error;
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="track-section print-plan-part" id="knelpunten">
      <h2 id={`${id}-title`}>{t('inclusion.bottlenecks.title')}</h2>
      <p className="no-print">{t('inclusion.bottlenecks.intro')}</p>
      <LiveMessage message={message} />
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <ProblemAlert error={actionError} focus />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p>{t('inclusion.bottlenecks.none')}</p>}
      {items.length > 0 && (
        <ul className="bottleneck-list" data-testid="bottlenecks">
          {items.map((b) => {
            const name = bottleneckName(b, t);
            return (
              <li key={b.id} className={b.resolved ? 'bottleneck-item bottleneck-resolved' : 'bottleneck-item'} data-kind={b.kind}>
                {editing === b.id ? (
                  <BottleneckForm
                    trackId={trackId}
                    bottleneck={b}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) setMessage(t('inclusion.bottlenecks.saved'));
                    }}
                    onReload={() => query.refetch()}
                  />
                ) : (
                  <>
                    <h3 className="bottleneck-name">
                      {name}{' '}
                      {b.resolved ? (
                        <span className="badge badge-resolved">
                          <span aria-hidden="true">✓ </span>
                          {t('inclusion.bottlenecks.resolved')}
                        </span>
                      ) : (
                        <span className="badge badge-open">{t('inclusion.bottlenecks.open')}</span>
                      )}
                    </h3>
                    {b.kind === 'other' && <p className="muted">{t('inclusion.bottlenecks.kinds.other')}</p>}
                    {b.notes && <p className="prewrap">{b.notes}</p>}
                    {canManage && (
                      <div className="actions no-print">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => void toggle(b)}
                          disabled={update.isPending}
                          aria-label={t('inclusion.bottlenecks.named', {
                            action: b.resolved ? t('inclusion.bottlenecks.reopen') : t('inclusion.bottlenecks.markResolved'),
                            name,
                          })}
                        >
                          {b.resolved ? t('inclusion.bottlenecks.reopen') : t('inclusion.bottlenecks.markResolved')}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setEditing(b.id)}
                          aria-label={t('inclusion.bottlenecks.named', { action: t('inclusion.bottlenecks.edit'), name })}
                        >
                          {t('inclusion.bottlenecks.edit')}
                        </button>
                        <ConfirmAction
                          label={t('inclusion.bottlenecks.remove')}
                          accessibleLabel={t('inclusion.bottlenecks.named', { action: t('inclusion.bottlenecks.remove'), name })}
                          message={t('inclusion.bottlenecks.confirmRemove', { name })}
                          confirmLabel={t('inclusion.bottlenecks.confirmRemoveButton')}
                          onConfirm={() => onRemove(b)}
                        />
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canManage && (
        <BottleneckForm trackId={trackId} onDone={(saved) => saved && setMessage(t('inclusion.bottlenecks.added'))} onReload={() => query.refetch()} />
      )}
    </section>
  );
}

type Values = { kind: string; label: string; notes: string };

function BottleneckForm({
  trackId,
  bottleneck,
  onDone,
  onReload,
}: {
  trackId: number;
  bottleneck?: Bottleneck;
  onDone: (saved: boolean) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useT('inclusion');
  const id = useId();
  const initial: Values = { kind: str(bottleneck?.kind), label: str(bottleneck?.label), notes: str(bottleneck?.notes) };
  const form = useFormState<Values>(initial);
  const { values, setValue, fieldErrors } = form;
  const create = useCreateBottleneck(trackId);
  const update = useUpdateBottleneck(trackId);
  const idempotencyKey = useRef(newIdempotencyKey());
  const { stale, setStale, reloading, reload } = useStale(async () => {
    await onReload();
    onDone(false);
  });
  const saving = create.isPending || update.isPending;
  const kind = (bottleneck?.kind ?? values.kind) as BottleneckKind | '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    form.clearErrors();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!kind) errors.kind = t('inclusion.bottlenecks.kindRequired');
    if (kind === 'other' && !values.label.trim()) errors.label = t('inclusion.bottlenecks.labelRequired');
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    const label = kind === 'other' ? values.label.trim() : null;
    const notes = values.notes.trim() || null;
    try {
      if (bottleneck) {
        await update.mutateAsync({
          bottleneckId: bottleneck.id,
          body: { ...(kind === 'other' ? { label } : {}), notes },
          etag: bottleneck.etag,
        });
      } else {
        await create.mutateAsync({ body: { kind: kind as BottleneckKind, label, notes }, idempotencyKey: idempotencyKey.current });
        idempotencyKey.current = newIdempotencyKey();
        form.setValues({ kind: '', label: '', notes: '' });
      }
      onDone(true);
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  const title = bottleneck ? t('inclusion.bottlenecks.editTitle', { name: bottleneckName(bottleneck, t) }) : t('inclusion.bottlenecks.add');
  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      {!bottleneck && (
        <FormField label={t('inclusion.bottlenecks.kind')} error={fieldErrors.kind} required>
          {(a) => (
            <select {...a} name="kind" value={values.kind} onChange={(e) => setValue('kind', e.target.value)}>
              <option value="">{t('inclusion.bottlenecks.chooseKind')}</option>
              {BOTTLENECK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`inclusion.bottlenecks.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {kind === 'other' && (
        <FormField label={t('inclusion.bottlenecks.label')} hint={t('inclusion.bottlenecks.labelHint')} error={fieldErrors.label} required>
          {(a) => <input {...a} name="label" maxLength={200} value={values.label} onChange={(e) => setValue('label', e.target.value)} />}
        </FormField>
      )}
      <FormField label={t('inclusion.bottlenecks.notes')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={2} maxLength={2000} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : bottleneck ? t('common.save') : t('inclusion.bottlenecks.addSubmit')}
        </button>
        {bottleneck && (
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
