/** Names for the complaint routes' and confidential register's API types, derived from the paths. */
import type { paths } from '../../api/schema';
import type { Body, Ok, Query } from '../../api/types';

export type ExternalBody = Ok<paths['/external-bodies/{code}']['get']>;
export type ExternalBodyUpdate = Body<paths['/external-bodies/{code}']['patch']>;
export type ComplaintSettings = Ok<paths['/boards/{boardId}/complaint-settings']['get']>;
export type ComplaintSettingsUpdate = Body<paths['/boards/{boardId}/complaint-settings']['patch']>;

export type Route = Ok<paths['/complaint-routes/{routeId}']['get']>;
export type RouteStep = Route['steps'][number];
export type RouteUpdate = Body<paths['/complaint-routes/{routeId}']['patch']>;
export type StepIn = NonNullable<RouteUpdate['steps']>[number];
export type ResolvedRoute = Ok<paths['/schools/{schoolId}/complaint-routes/{area}']['get']>;
export type ResolvedStep = ResolvedRoute['steps'][number];
export type StepContact = ResolvedStep['contacts'][number];
export type PublicAreas = Ok<paths['/public/schools/{locationCode}/complaint-routes']['get']>;
export type PublicArea = PublicAreas['areas'][number];
export type RouteSchool = ResolvedRoute['school'];

export type Area = Route['area'];
export type Group = Route['group'];
export type StepKind = RouteStep['kind'];
export type ActorType = RouteStep['actorType'];

export type CasePage = Ok<paths['/confidential-cases']['get']>;
export type Case = Ok<paths['/confidential-cases/{caseId}']['get']>;
export type CaseCreate = Body<paths['/confidential-cases']['post']>;
export type CaseUpdate = Body<paths['/confidential-cases/{caseId}']['patch']>;
export type CaseListQuery = Query<paths['/confidential-cases']['get']>;
export type CaseStatus = Case['status'];
export type CaseOutcome = NonNullable<Case['outcome']>;
/** The JSON answer (with `format=csv` the same endpoint answers a CSV file). */
export type CaseReport = Exclude<Ok<paths['/confidential-cases/report']['get']>, string>;
export type ReportCell = CaseReport['cells'][number];

export const AREAS = [
  'school-organisation',
  'educational-matters',
  'domestic-violence',
  'personal-problems',
  'sexual-misconduct',
  'undesirable-behaviour',
] as const satisfies readonly Area[];
export const GROUPS = ['pupil', 'parent', 'staff'] as const satisfies readonly Group[];
export const STEP_KINDS = ['talk', 'advice', 'report', 'complaint', 'duty', 'emergency'] as const satisfies readonly StepKind[];
export const ACTOR_TYPES = [
  'role',
  'body',
  'partner-category',
  'board',
  'complaint-committee',
  'none',
] as const satisfies readonly ActorType[];
export const CASE_STATUSES = ['open', 'referred', 'closed'] as const satisfies readonly CaseStatus[];
export const CASE_OUTCOMES = [
  'resolved',
  'referred',
  'complaint-filed',
  'report-filed',
  'withdrawn',
  'other',
] as const satisfies readonly CaseOutcome[];

/** Actor types whose step names a code (a role type, an external body or a partner category). */
export const ACTORS_WITH_CODE: readonly ActorType[] = ['role', 'body', 'partner-category'];

/** The areas where the route finder shows the emergency number (112) first. */
export const EMERGENCY_AREAS: readonly Area[] = ['domestic-violence', 'personal-problems', 'sexual-misconduct', 'undesirable-behaviour'];

/** The role of the internal confidential counsellor, the hub of every route. */
export const COUNSELLOR_ROLE = 'internal-confidential-counsellor';

export function isArea(value: string | null | undefined): value is Area {
  return (AREAS as readonly string[]).includes(value ?? '');
}

export function isGroup(value: string | null | undefined): value is Group {
  return (GROUPS as readonly string[]).includes(value ?? '');
}

type Exhaustive<T extends never> = T;
export type AllAreasListed = Exhaustive<Exclude<Area, (typeof AREAS)[number]>>;
export type AllGroupsListed = Exhaustive<Exclude<Group, (typeof GROUPS)[number]>>;
export type AllKindsListed = Exhaustive<Exclude<StepKind, (typeof STEP_KINDS)[number]>>;
export type AllActorTypesListed = Exhaustive<Exclude<ActorType, (typeof ACTOR_TYPES)[number]>>;
export type AllStatusesListed = Exhaustive<Exclude<CaseStatus, (typeof CASE_STATUSES)[number]>>;
export type AllOutcomesListed = Exhaustive<Exclude<CaseOutcome, (typeof CASE_OUTCOMES)[number]>>;
