/** Names for the generated API types, derived from the paths so schema renames do not matter. */
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

export type AuditEventPage = Ok<paths['/audit-events']['get']>;
export type AuditEvent = AuditEventPage['items'][number];
export type AuditListQuery = Query<paths['/audit-events']['get']>;

export const SECTORS = ['PO', 'SBO', 'SO', 'VO'] as const satisfies readonly Sector[];
