/** The route editor's working copy of a step list: reorder, add, remove, and the API's problems per step. */
import type { InvalidParam } from '../../api/problem';
import { isProblemError } from '../../api/client';
import { ACTORS_WITH_CODE, type ActorType, type RouteStep, type StepIn, type StepKind } from './types';

export interface DraftStep {
  /** Stable while editing (React key, focus, errors); not sent. */
  uid: string;
  /** The step's key: kept for existing steps, null for new ones. */
  key: string | null;
  kind: StepKind;
  actorType: ActorType;
  actor: string;
  textNl: string;
  textEn: string;
  expectNl: string;
  expectEn: string;
  statutory: boolean;
  rule: string | null;
}

export type DraftField = 'kind' | 'actorType' | 'actor' | 'textNl' | 'textEn' | 'expectNl' | 'expectEn';

let counter = 0;
function nextUid(): string {
  counter += 1;
  return `step-${counter}`;
}

export function toDrafts(steps: RouteStep[]): DraftStep[] {
  return [...steps]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      uid: nextUid(),
      key: s.key,
      kind: s.kind,
      actorType: s.actorType,
      actor: s.actor ?? '',
      textNl: s.textNl,
      textEn: s.textEn,
      expectNl: s.expectNl ?? '',
      expectEn: s.expectEn ?? '',
      statutory: s.statutory,
      rule: s.rule,
    }));
}

export function newDraft(): DraftStep {
  return {
    uid: nextUid(),
    key: null,
    kind: 'talk',
    actorType: 'role',
    actor: '',
    textNl: '',
    textEn: '',
    expectNl: '',
    expectEn: '',
    statutory: false,
    rule: null,
  };
}

/** The list with the step at `index` moved by `delta` places (unchanged at either end). */
export function moveStep<T>(steps: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return steps;
  const next = [...steps];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** The list without the step, unless it is statutory (those stay). */
export function removeStep(steps: DraftStep[], uid: string): DraftStep[] {
  return steps.filter((s) => s.uid !== uid || s.statutory);
}

export function toStepIn(step: DraftStep): StepIn {
  const hasCode = ACTORS_WITH_CODE.includes(step.actorType);
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    ...(step.key ? { key: step.key } : {}),
    kind: step.kind,
    actorType: step.actorType,
    actor: hasCode ? text(step.actor) : null,
    textNl: step.textNl.trim(),
    textEn: step.textEn.trim(),
    expectNl: text(step.expectNl),
    expectEn: text(step.expectEn),
  };
}

export function sameSteps(a: DraftStep[], b: DraftStep[]): boolean {
  return JSON.stringify(a.map(toStepIn)) === JSON.stringify(b.map(toStepIn));
}

export interface StepProblems {
  /** Problems of the list as a whole (a statutory step removed). */
  list: InvalidParam[];
  /** Per step (by uid): problems of the step itself (`steps.N`), and per field (`steps.N.actor`). */
  steps: Record<string, { step: InvalidParam[]; fields: Partial<Record<DraftField | 'key', InvalidParam>> }>;
  /** Anything else (e.g. `published`). */
  other: InvalidParam[];
}

/**
 * Sorts a 400's invalid params onto the steps that were sent: `steps.2.actor` belongs to the third
 * step sent, whatever the editor did since.
 */
export function stepProblems(error: unknown, sent: DraftStep[]): StepProblems {
  const out: StepProblems = { list: [], steps: {}, other: [] };
  if (!isProblemError(error) || error.status !== 400) return out;
  for (const param of error.invalidParams) {
    const name = param.name.replace(/^body\./, '');
    const match = /^steps(?:\.(\d+)(?:\.(\w+))?)?$/.exec(name);
    if (!match) {
      out.other.push(param);
      continue;
    }
    if (match[1] === undefined) {
      out.list.push(param);
      continue;
    }
    const step = sent[Number(match[1])];
    if (!step) {
      out.list.push(param);
      continue;
    }
    const entry = (out.steps[step.uid] ??= { step: [], fields: {} });
    const field = match[2] as DraftField | 'key' | undefined;
    if (field) entry.fields[field] ??= param;
    else entry.step.push(param);
  }
  return out;
}

export function hasProblems(problems: StepProblems): boolean {
  return problems.list.length > 0 || problems.other.length > 0 || Object.keys(problems.steps).length > 0;
}
