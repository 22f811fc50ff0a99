/** Inclusive employment (the job agreement, banenafspraak): the generated API shapes, by name. */
import type { components, paths } from '../../api/schema';
import type { Body } from '../../api/types';

type S = components['schemas'];

export type Track = S['TrackOut'];
export type TrackCreate = S['TrackCreate'];
export type TrackUpdate = S['TrackUpdate'];
export type PhaseChange = S['PhaseChangeOut'];
export type QuotaYear = S['QuotaYear'];
export type Quota = S['QuotaOut'];
export type Progress = S['ProgressOut'];
export type MonthJobs = S['MonthJobs'];
export type Bottleneck = S['InclusionBottleneckOut'];
export type BottleneckCreate = Body<paths['/inclusion-tracks/{trackId}/bottlenecks']['post']>;
export type BottleneckUpdate = Body<paths['/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}']['patch']>;
export type Action = S['ActionOut'];
export type ActionCreate = S['ActionCreate'];
export type ActionUpdate = S['ActionUpdate'];
export type Placement = S['PlacementOut'];
export type PlacementCreate = S['PlacementCreate'];
export type PlacementUpdate = S['PlacementUpdate'];
export type Mentor = S['MentorOut'];
export type ServicePoint = S['EmployerServicePointOut'];
export type ServicePointUpdate = S['EmployerServicePointUpdate'];
export type AreaInclusion = S['AreaInclusion'];
export type AreaTrack = S['AreaTrack'];

export type Phase = Track['phase'];
export type BottleneckKind = Bottleneck['kind'];
export type ActionTheme = Action['theme'];
export type ActionStatus = Action['status'];
export type ContractKind = Placement['contractKind'];

/** The phases in their order (seed 003: intake, action plan, execution, then completion and evaluation). */
export const PHASES = ['intake', 'action-plan', 'execution', 'evaluation', 'completed'] as const satisfies readonly Phase[];
export const BOTTLENECK_KINDS = [
  'suitable-jobs',
  'finding-candidates',
  'workplace-guidance',
  'funding',
  'guidance-on-teachers',
  'other',
] as const satisfies readonly BottleneckKind[];
export const ACTION_THEMES = ['new-jobs', 'workplace-guidance', 'lasting-placement', 'other'] as const satisfies readonly ActionTheme[];
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const satisfies readonly ActionStatus[];
export const CONTRACT_KINDS = ['own-employment', 'secondment', 'agency'] as const satisfies readonly ContractKind[];

/** The role a placement's workplace mentor holds (a built-in role type). */
export const MENTOR_ROLE = 'workplace-mentor';
/** One job under the job agreement: 25.5 hours a week. */
export const HOURS_PER_JOB = 25.5;
/** The hours of one job in the quota calculation (FACTS.md §7): paid hours × quota % ÷ 1,331. */
export const QUOTA_HOURS_PER_JOB = 1331;

type Exhaustive<T extends never> = T;
export type AllPhasesListed = Exhaustive<Exclude<Phase, (typeof PHASES)[number]>>;
export type AllBottleneckKindsListed = Exhaustive<Exclude<BottleneckKind, (typeof BOTTLENECK_KINDS)[number]>>;
export type AllThemesListed = Exhaustive<Exclude<ActionTheme, (typeof ACTION_THEMES)[number]>>;
export type AllStatusesListed = Exhaustive<Exclude<ActionStatus, (typeof ACTION_STATUSES)[number]>>;
export type AllContractKindsListed = Exhaustive<Exclude<ContractKind, (typeof CONTRACT_KINDS)[number]>>;

export function isPhase(value: string | null | undefined): value is Phase {
  return (PHASES as readonly string[]).includes(value ?? '');
}

/** The phase after this one (null after `completed`) and before it (null before `intake`). */
export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}
export function previousPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return i > 0 ? PHASES[i - 1]! : null;
}
