/** The area overview's shapes (a municipality or a region across boards), from the generated schema. */
import type { components, paths } from '../../api/schema';

export type AreaOverview = components['schemas']['AreaOverview'];
export type AreaSchool = components['schemas']['AreaSchool'];
export type RoleCoverage = components['schemas']['RoleCoverage'];
export type CategoryCount = components['schemas']['CategoryCount'];
export type KeyPersonFigures = components['schemas']['KeyPersonFigures'];
export type CaseFigures = components['schemas']['CaseFigures'];
export type OverviewQuery = NonNullable<paths['/municipalities/{municipalityId}/overview']['get']['parameters']['query']>;
export type RegionOverviewQuery = NonNullable<paths['/regions/{regionId}/overview']['get']['parameters']['query']>;

/** Which kind of area a dashboard is for: the API's `area.type`. */
export type AreaType = AreaOverview['area']['type'];
export type OverviewSector = NonNullable<OverviewQuery['sector']>;

export const OVERVIEW_SECTORS = ['PO', 'SBO', 'SO', 'VO'] as const satisfies readonly OverviewSector[];

type Exhaustive<T extends never> = T;
export type AllOverviewSectorsListed = Exhaustive<Exclude<OverviewSector, (typeof OVERVIEW_SECTORS)[number]>>;
// The two overviews take the same filters.
export type SameFilters = Exhaustive<Exclude<keyof RegionOverviewQuery, keyof OverviewQuery>>;
