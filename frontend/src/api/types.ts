/** Names for the generated API types, derived from the paths so schema renames do not matter. */
import type { paths } from './schema';

export type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Ok<Op> = Op extends { responses: infer Rs }
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : never
  : never;
export type Body<Op> = Op extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
export type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type SessionInfo = Ok<paths['/auth/session']['get']>;
export type User = SessionInfo['user'];
export type Membership = User['memberships'][number];
export type Role = Membership['role'];
export type LoginBody = Body<paths['/auth/login']['post']>;

export type BoardPage = Ok<paths['/boards']['get']>;
export type Board = Ok<paths['/boards/{boardId}']['get']>;
export type BoardCreate = Body<paths['/boards']['post']>;
export type BoardUpdate = Body<paths['/boards/{boardId}']['patch']>;
export type BoardListQuery = Query<paths['/boards']['get']>;

export type SchoolPage = Ok<paths['/schools']['get']>;
export type School = Ok<paths['/schools/{schoolId}']['get']>;
export type SchoolCreate = Body<paths['/schools']['post']>;
export type SchoolUpdate = Body<paths['/schools/{schoolId}']['patch']>;
export type SchoolListQuery = Query<paths['/schools']['get']>;
export type Sector = School['sector'];

export type MunicipalityPage = Ok<paths['/municipalities']['get']>;
export type Municipality = MunicipalityPage['items'][number];
export type RegionPage = Ok<paths['/labour-market-regions']['get']>;
export type Region = RegionPage['items'][number];
/** Regions of every kind (labour-market, education region, inclusive education, GGD, youth care). */
export type AnyRegionPage = Ok<paths['/regions']['get']>;
export type AnyRegion = Ok<paths['/regions/{regionId}']['get']>;
export type RegionKind = AnyRegion['kind'];
export type RegionCreate = Body<paths['/regions']['post']>;
export type RegionUpdate = Body<paths['/regions/{regionId}']['patch']>;
export type RegionListQuery = Query<paths['/regions']['get']>;
export type RegionMunicipalities = Body<paths['/regions/{regionId}/municipalities']['put']>;
/** The kinds a platform administrator creates (labour-market regions come from CBS). */
export type CreatableRegionKind = RegionCreate['kind'];

export type AuditEventPage = Ok<paths['/audit-events']['get']>;
export type AuditEvent = AuditEventPage['items'][number];
export type AuditListQuery = Query<paths['/audit-events']['get']>;

export const SECTORS = ['PO', 'SBO', 'SO', 'VO'] as const satisfies readonly Sector[];

export type UserAccountPage = Ok<paths['/users']['get']>;
export type UserAccount = Ok<paths['/users/{userId}']['get']>;
export type UserAccountCreate = Body<paths['/users']['post']>;
export type UserAccountUpdate = Body<paths['/users/{userId}']['patch']>;
export type UserListQuery = Query<paths['/users']['get']>;
export type MembershipCreate = Body<paths['/users/{userId}/memberships']['post']>;
export type ScopeType = Membership['scopeType'];

export type ApiClientPage = Ok<paths['/api-clients']['get']>;
export type ApiClientRecord = ApiClientPage['items'][number];
export type ApiClientCreate = Body<paths['/api-clients']['post']>;
export type ApiClientCreated = Ok<paths['/api-clients']['post']>;
export type ApiClientListQuery = Query<paths['/api-clients']['get']>;
export type ApiScope = ApiClientCreate['scopes'][number];

export const ROLES = [
  'board-admin',
  'school-admin',
  'coordinator',
  'confidential-counsellor',
  'viewer',
  'region-contact',
  'municipality-contact',
] as const satisfies readonly Role[];

export const REGION_KINDS = [
  'labour-market',
  'education-region',
  'inclusive-education',
  'ggd',
  'youth-care',
] as const satisfies readonly RegionKind[];
export const CREATABLE_REGION_KINDS = [
  'education-region',
  'inclusive-education',
  'ggd',
  'youth-care',
] as const satisfies readonly CreatableRegionKind[];

export const API_SCOPES = [
  'organisations:read',
  'organisations:write',
  'partners:read',
  'partners:write',
  'people:read',
  'people:write',
  'key-persons:read',
  'key-persons:write',
  'indicators:read',
  'indicators:write',
  'inclusion:read',
  'inclusion:write',
  'sync:read',
  'sync:write',
  'audit:read',
] as const satisfies readonly ApiScope[];

/** Compile-time checks that the lists above name every role and scope the API knows. */
type Exhaustive<T extends never> = T;
export type AllRolesListed = Exhaustive<Exclude<Role, (typeof ROLES)[number]>>;
export type AllScopesListed = Exhaustive<Exclude<ApiScope, (typeof API_SCOPES)[number]>>;
export type AllRegionKindsListed = Exhaustive<Exclude<RegionKind, (typeof REGION_KINDS)[number]>>;
export type AllCreatableRegionKindsListed = Exhaustive<Exclude<CreatableRegionKind, (typeof CREATABLE_REGION_KINDS)[number]>>;
