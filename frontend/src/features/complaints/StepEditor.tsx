/**
 * The editor of a route's steps: reword (Dutch and English), add, remove (never a statutory step),
 * reorder with buttons (keyboard) or by dragging; saved as one whole list with If-Match. The API's
 * 400 problems show next to the steps they are about.
 */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { InvalidParam } from '../../api/problem';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { fieldErrorMessage } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { useActors } from './actors';
import { useUpdateRoute, type WithEtag } from './api';
import { useT } from '../../lib/i18n';
import {
  hasProblems,
  moveStep,
  newDraft,
  removeStep,
  sameSteps,
  stepProblems,
  toDrafts,
  toStepIn,
  type DraftField,
  type DraftStep,
  type StepProblems,
} from './stepEditor';
import { ACTOR_TYPES, ACTORS_WITH_CODE, STEP_KINDS, type ActorType, type Route, type StepKind } from './types';

interface Props {
  route: Route;
  etag: string | null;
  onSaved: (saved: WithEtag<Route>) => void;
  onReload: () => Promise<unknown>;
  /** Reports whether there are unsaved changes (publishing waits for them). */
  onDirtyChange?: (dirty: boolean) => void;
}

const EMPTY: StepProblems = { list: [], steps: {}, other: [] };

export function StepEditor({ route, etag, onSaved, onReload, onDirtyChange }: Props) {
  const { t, i18n, i18nT } = useT('complaints');
  const actors = useActors(route.boardId ?? undefined);
  const update = useUpdateRoute();
  const [original] = useState(() => toDrafts(route.steps));
  const [steps, setSteps] = useState<DraftStep[]>(original);
  const [problems, setProblems] = useState<StepProblems>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const dragged = useRef<number | null>(null);
  const dirty = !sameSteps(original, steps);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // After a move, add or remove, keep keyboard focus on the control that was used (in its new place).
  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.querySelector<HTMLElement>(`[data-focus="${focusNext.current}"]`);
    focusNext.current = null;
    target?.focus();
  });

  const message = (param: InvalidParam, field?: string) =>
    fieldErrorMessage(field ? { ...param, name: field } : param, i18nT, i18n);

  function change(uid: string, field: DraftField, value: string) {
    setSteps((prev) =>
      prev.map((s) => {
        if (s.uid !== uid) return s;
        if (field === 'actorType') return { ...s, actorType: value as ActorType, actor: '' };
        if (field === 'kind') return { ...s, kind: value as StepKind };
        return { ...s, [field]: value };
      }),
    );
  }

  function move(index: number, delta: number, action: 'up' | 'down') {
    const target = index + delta;
    if (target < 0 || target >= steps.length) return;
    const step = steps[index];
    setSteps(moveStep(steps, index, delta));
    if (step) focusNext.current = `${step.uid}:${action}`;
    setAnnouncement(t('complaints.editor.moved', { number: target + 1, count: steps.length }));
  }

  function remove(index: number) {
    const step = steps[index];
    if (!step) return;
    if (step.statutory) {
      setRefused(step.uid);
      return;
    }
    const next = removeStep(steps, step.uid);
    setSteps(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusNext.current = neighbour ? `${neighbour.uid}:remove` : 'add';
    setAnnouncement(t('complaints.editor.removed'));
  }

  function add() {
    const step = newDraft();
    setSteps((prev) => [...prev, step]);
    focusNext.current = `${step.uid}:first`;
    setAnnouncement(t('complaints.editor.added', { number: steps.length + 1 }));
  }

  function onDrop(event: DragEvent, index: number) {
    event.preventDefault();
    const from = dragged.current;
    dragged.current = null;
    if (from === null || from === index) return;
    setSteps(moveStep(steps, from, index - from));
    setAnnouncement(t('complaints.editor.moved', { number: index + 1, count: steps.length }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems(EMPTY);
    setError(null);
    setStale(false);
    setRefused(null);
    const sent = steps;
    try {
      const saved = await update.mutateAsync({ routeId: route.id, etag, body: { steps: sent.map(toStepIn) } });
      onSaved(saved);
    } catch (failure) {
      if (isProblemError(failure) && failure.status === 412) {
        setStale(true);
        return;
      }
      const found = stepProblems(failure, sent);
      setProblems(found);
      setError(failure);
    }
  }

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  const mapped = hasProblems(problems);
  return (
    <form className="step-editor" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="steps-title">
      <h2 id="steps-title">{t('complaints.routes.steps')}</h2>
      <p className="field-hint">{t('complaints.editor.dragHint')}</p>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      {error !== null && (
        <ProblemAlert error={error} message={mapped ? t('complaints.editor.problems') : undefined} focus />
      )}
      {[...problems.list, ...problems.other].map((p, i) => (
        <p key={i} className="field-error" data-testid="route-problem">
          <span aria-hidden="true">⚠ </span>
          {message(p)}
        </p>
      ))}
      <LiveMessage message={announcement} />
      <ol className="step-list">
        {steps.map((step, index) => {
          const number = index + 1;
          const own = problems.steps[step.uid];
          const fieldError = (field: DraftField) => {
            const p = own?.fields[field];
            return p ? message(p, field) : undefined;
          };
          const lockId = `${step.uid}-lock`;
          const hasCode = ACTORS_WITH_CODE.includes(step.actorType);
          return (
            <li
              key={step.uid}
              className={step.statutory ? 'step-item step-item-statutory' : 'step-item'}
              data-testid="step"
              draggable
              onDragStart={(e) => {
                // Only when dragging the step itself, not while selecting text in a field.
                if ((e.target as HTMLElement).closest('input, textarea, select')) {
                  e.preventDefault();
                  return;
                }
                dragged.current = index;
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
            >
              <fieldset>
                <legend>
                  {t('complaints.editor.step', { number })}
                  {step.statutory && <span className="badge badge-law">{t('complaints.editor.statutory')}</span>}
                </legend>
                {step.statutory && (
                  <p className="step-lock" id={lockId}>
                    <span aria-hidden="true">🔒 </span>
                    {t('complaints.editor.statutoryLock', { rule: step.rule ?? '' })}
                  </p>
                )}
                {own?.step.map((p, i) => (
                  <p key={i} className="field-error">
                    <span aria-hidden="true">⚠ </span>
                    {message(p)}
                  </p>
                ))}
                {step.statutory ? (
                  <p className="step-fixed">
                    <strong>{t('complaints.editor.kind')}:</strong> {t(`complaints.kinds.${step.kind}`)} ·{' '}
                    <strong>{t('complaints.editor.actorType')}:</strong> {actors.name(step.actorType, step.actor)}
                  </p>
                ) : (
                  <div className="field-row">
                    <FormField label={t('complaints.editor.kind')} error={fieldError('kind')} required>
                      {(a) => (
                        <select
                          {...a}
                          data-focus={`${step.uid}:first`}
                          value={step.kind}
                          onChange={(e) => change(step.uid, 'kind', e.target.value)}
                        >
                          {STEP_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {t(`complaints.kinds.${k}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </FormField>
                    <FormField label={t('complaints.editor.actorType')} error={fieldError('actorType')} required>
                      {(a) => (
                        <select {...a} value={step.actorType} onChange={(e) => change(step.uid, 'actorType', e.target.value)}>
                          {ACTOR_TYPES.map((k) => (
                            <option key={k} value={k}>
                              {t(`complaints.actorTypes.${k}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </FormField>
                    {hasCode && (
                      <FormField label={t('complaints.editor.actor')} error={fieldError('actor')} required>
                        {(a) => (
                          <select {...a} value={step.actor} onChange={(e) => change(step.uid, 'actor', e.target.value)}>
                            <option value="">{t('complaints.editor.chooseActor')}</option>
                            {actors.options[step.actorType as 'role' | 'body' | 'partner-category'].map((o) => (
                              <option key={o.code} value={o.code}>
                                {o.name}
                              </option>
                            ))}
                            {step.actor &&
                              !actors.options[step.actorType as 'role' | 'body' | 'partner-category'].some((o) => o.code === step.actor) && (
                                <option value={step.actor}>{step.actor}</option>
                              )}
                          </select>
                        )}
                      </FormField>
                    )}
                  </div>
                )}
                <div className="field-row">
                  <FormField label={t('complaints.editor.textNl')} error={fieldError('textNl')} required>
                    {(a) => (
                      <textarea
                        {...a}
                        rows={2}
                        lang="nl"
                        data-focus={step.statutory ? `${step.uid}:first` : undefined}
                        value={step.textNl}
                        onChange={(e) => change(step.uid, 'textNl', e.target.value)}
                      />
                    )}
                  </FormField>
                  <FormField label={t('complaints.editor.textEn')} error={fieldError('textEn')} required>
                    {(a) => (
                      <textarea {...a} rows={2} lang="en" value={step.textEn} onChange={(e) => change(step.uid, 'textEn', e.target.value)} />
                    )}
                  </FormField>
                </div>
                <div className="field-row">
                  <FormField label={t('complaints.editor.expectNl')} error={fieldError('expectNl')}>
                    {(a) => (
                      <textarea {...a} rows={2} lang="nl" value={step.expectNl} onChange={(e) => change(step.uid, 'expectNl', e.target.value)} />
                    )}
                  </FormField>
                  <FormField label={t('complaints.editor.expectEn')} error={fieldError('expectEn')}>
                    {(a) => (
                      <textarea {...a} rows={2} lang="en" value={step.expectEn} onChange={(e) => change(step.uid, 'expectEn', e.target.value)} />
                    )}
                  </FormField>
                </div>
                <div className="actions step-actions">
                  <button
                    type="button"
                    className="button button-small"
                    data-focus={`${step.uid}:up`}
                    aria-label={t('complaints.editor.moveUpLabel', { number })}
                    aria-disabled={index === 0 ? true : undefined}
                    onClick={() => move(index, -1, 'up')}
                  >
                    <span aria-hidden="true">↑ </span>
                    {t('complaints.editor.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-focus={`${step.uid}:down`}
                    aria-label={t('complaints.editor.moveDownLabel', { number })}
                    aria-disabled={index === steps.length - 1 ? true : undefined}
                    onClick={() => move(index, 1, 'down')}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t('complaints.editor.moveDown')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    data-focus={`${step.uid}:remove`}
                    aria-label={t('complaints.editor.removeLabel', { number })}
                    aria-disabled={step.statutory ? true : undefined}
                    aria-describedby={step.statutory ? lockId : undefined}
                    onClick={() => remove(index)}
                  >
                    {step.statutory && <span aria-hidden="true">🔒 </span>}
                    {t('complaints.editor.remove')}
                  </button>
                </div>
                {refused === step.uid && (
                  <p className="alert alert-warning step-refused" role="alert">
                    {t('complaints.editor.removeRefused', { rule: step.rule ?? '' })}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button type="button" className="button" data-focus="add" onClick={add}>
          {t('complaints.editor.add')}
        </button>
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('complaints.editor.save')}
        </button>
        {dirty && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSteps(original);
              setProblems(EMPTY);
              setError(null);
            }}
          >
            {t('complaints.editor.undo')}
          </button>
        )}
      </div>
    </form>
  );
}
