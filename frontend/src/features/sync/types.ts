/** Sync runs and role-name mappings: the generated API shapes, by name. */
import type { components, operations } from '../../api/schema';

type S = components['schemas'];

export type SyncRun = S['SyncRunOut'];
export type SyncRunPage = S['SyncRunPage'];
export type RunCounts = S['RunCounts'];
export type Counts = S['Counts'];
export type ItemProblem = S['ItemProblem'];
export type ItemChange = S['ItemChange'];
export type RoleMapping = S['RoleMappingOut'];
export type RoleMappingCreate = S['RoleMappingCreate'];
export type SyncRunListQuery = NonNullable<operations['listSyncRuns']['parameters']['query']>;

export type Collection = ItemProblem['collection'];
export type RunStatus = SyncRun['status'];
export type Mode = SyncRun['mode'];

export const COLLECTIONS = ['people', 'roleAssignments', 'schools'] as const satisfies readonly Collection[];
export const COUNT_KINDS = ['created', 'updated', 'unchanged', 'ended', 'failed'] as const satisfies readonly (keyof Counts)[];

type Exhaustive<T extends never> = T;
export type AllCollectionsListed = Exhaustive<Exclude<Collection, (typeof COLLECTIONS)[number]>>;

/** The sources Spil knows by name; a board's HR system is any other lower-case name. */
export const KNOWN_SOURCES = ['parnassys', 'magister', 'somtoday', 'esis'] as const;
