/** The indicators API's shapes, from the generated schema. */
import type { components, paths } from '../../api/schema';

export type Indicator = components['schemas']['IndicatorOut'];
export type Series = components['schemas']['Series'];
export type SeriesPoint = components['schemas']['Point'];
export type SchoolSeries = components['schemas']['SchoolSeries'];
export type Measurement = components['schemas']['MeasurementOut'];
export type MeasurementCreate = components['schemas']['MeasurementCreate'];
export type MeasurementUpdate = components['schemas']['MeasurementUpdate'];
export type TargetCreate = components['schemas']['TargetCreate'];
export type YearTargetCreate = components['schemas']['YearTargetCreate'];
export type Target = components['schemas']['TargetOut'];
export type SeriesQuery = paths['/indicators/{code}/series']['get']['parameters']['query'];
export type Unit = Indicator['unit'];
export type Frequency = Indicator['frequency'];
export type Direction = Indicator['direction'];
export type Domain = Indicator['domain'];

export const DOMAINS: readonly Domain[] = ['key-persons', 'collaboration', 'confidential-work', 'inclusion', 'region'];
