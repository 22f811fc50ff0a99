/** Names for the registry's API types (partners, partnerships, people, roles, gaps, ...), derived from the paths. */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<Op> = Op extends { responses: infer Rs }
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : never
  : never;
type Body<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type PartnerCategory = Ok<paths['/partner-categories']['get']>[number];
export type PartnerCategoryCreate = Body<paths['/partner-categories']['post']>;

export type PartnerPage = Ok<paths['/partners']['get']>;
export type Partner = Ok<paths['/partners/{partnerId}']['get']>;
export type PartnerCreate = Body<paths['/partners']['post']>;
export type PartnerUpdate = Body<paths['/partners/{partnerId}']['patch']>;
export type PartnerListQuery = Query<paths['/partners']['get']>;

export type PartnershipPage = Ok<paths['/partnerships']['get']>;
export type Partnership = Ok<paths['/partnerships/{partnershipId}']['get']>;
export type PartnershipCreate = Body<paths['/partnerships']['post']>;
export type PartnershipUpdate = Body<paths['/partnerships/{partnershipId}']['patch']>;
export type PartnershipListQuery = Query<paths['/partnerships']['get']>;
export type Bottleneck = Partnership['bottlenecks'] extends (infer B)[] | undefined ? B : never;
export type BottleneckCreate = Body<paths['/partnerships/{partnershipId}/bottlenecks']['post']>;
export type InternalContact = NonNullable<Partnership['internalContacts']>[number];
export type ExternalContact = Partnership['externalContacts'][number];

export type PersonPage = Ok<paths['/people']['get']>;
export type Person = Ok<paths['/people/{personId}']['get']>;
export type PersonCreate = Body<paths['/people']['post']>;
export type PersonUpdate = Body<paths['/people/{personId}']['patch']>;
export type PersonListQuery = Query<paths['/people']['get']>;

export type RoleType = Ok<paths['/role-types']['get']>[number];
export type RoleTypeCreate = Body<paths['/role-types']['post']>;
export type RoleAssignmentPage = Ok<paths['/role-assignments']['get']>;
export type RoleAssignment = Ok<paths['/role-assignments/{roleAssignmentId}']['get']>;
export type RoleAssignmentCreate = Body<paths['/role-assignments']['post']>;
export type RoleAssignmentUpdate = Body<paths['/role-assignments/{roleAssignmentId}']['patch']>;
export type RoleAssignmentListQuery = Query<paths['/role-assignments']['get']>;

export type GapPage = Ok<paths['/gaps']['get']>;
export type Gap = GapPage['items'][number];
export type GapListQuery = Query<paths['/gaps']['get']>;
export type Severity = Gap['severity'];

export type Organogram = Ok<paths['/schools/{schoolId}/organogram']['get']>;
export type OrganogramNode = Organogram['nodes'][number];
export type OrganogramEdge = Organogram['edges'][number];

export type Induction = Ok<paths['/schools/{schoolId}/induction']['get']>;
export type InductionLevel = Induction['levels'][number];

export type ImportResult = Ok<paths['/imports/{kind}']['post']>;
export type ImportRow = ImportResult['rows'][number];
export type ImportKind = ImportResult['kind'];
export type ExportKind = paths['/exports/{kind}']['get']['parameters']['path']['kind'];
/** The lists the screens export (measurements on the indicators dashboard and the import page). */
export type ScreenExportKind = ExportKind;

export const LEVELS = ['pupil', 'group', 'school'] as const satisfies readonly Partnership['levels'][number][];
export const PURPOSES = [
  'vision',
  'proximity',
  'societal-mission',
  'workload-relief',
  'required-care',
  'other',
] as const satisfies readonly Partnership['purposes'][number][];
export const STATUSES = ['exploring', 'active', 'paused', 'ended'] as const satisfies readonly Partnership['status'][];
export const AGREEMENT_TYPES = [
  'none',
  'informal',
  'covenant',
  'contract',
  'data-processing-agreement',
] as const satisfies readonly Partnership['agreementType'][];
export const BOTTLENECK_KINDS = [
  'availability',
  'staff-turnover',
  'admin-burden',
  'system-differences',
  'privacy',
  'funding',
  'other',
] as const satisfies readonly Bottleneck['kind'][];
export const PERSON_KINDS = ['staff', 'volunteer', 'external'] as const satisfies readonly Person['kind'][];
export const SCOPE_LEVELS = ['school', 'board', 'region'] as const satisfies readonly RoleType['scopeLevel'][];
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];
export const IMPORT_KINDS = ['partners', 'people', 'role-assignments', 'measurements'] as const satisfies readonly ImportKind[];
/** The kinds the import screen offers. */
export type ScreenImportKind = (typeof IMPORT_KINDS)[number];
export const GAP_KINDS = [
  'statutory-role-missing',
  'recommended-role-missing',
  'no-internal-contact',
  'single-internal-contact',
  'supervisor-without-hours',
  'role-without-hours',
  'expiring',
  'expired',
  'review-overdue',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** The role that makes someone an internal contact of a partnership. */
export const PARTNERSHIP_CONTACT_ROLE = 'partnership-contact';

type Exhaustive<T extends never> = T;
export type AllLevelsListed = Exhaustive<Exclude<Partnership['levels'][number], (typeof LEVELS)[number]>>;
export type AllPurposesListed = Exhaustive<Exclude<Partnership['purposes'][number], (typeof PURPOSES)[number]>>;
export type AllStatusesListed = Exhaustive<Exclude<Partnership['status'], (typeof STATUSES)[number]>>;
export type AllAgreementTypesListed = Exhaustive<Exclude<Partnership['agreementType'], (typeof AGREEMENT_TYPES)[number]>>;
export type AllBottleneckKindsListed = Exhaustive<Exclude<Bottleneck['kind'], (typeof BOTTLENECK_KINDS)[number]>>;
export type AllScopeLevelsListed = Exhaustive<Exclude<RoleType['scopeLevel'], (typeof SCOPE_LEVELS)[number]>>;
export type AllPersonKindsListed = Exhaustive<Exclude<Person['kind'], (typeof PERSON_KINDS)[number]>>;
