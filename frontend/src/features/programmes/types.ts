/** Regional programmes: the generated API shapes, by name. */
import type { components } from '../../api/schema';

type S = components['schemas'];

export type Programme = S['ProgrammeOut'];
export type ProgrammeCreate = S['ProgrammeCreate'];
export type Member = S['MemberOut'];
export type MemberUpdate = S['MemberUpdate'];
export type Line = S['LineOut'];
export type LineCreate = S['LineCreate'];
export type Initiative = S['InitiativeOut'];
export type InitiativeCreate = S['InitiativeCreate'];
export type InitiativeUpdate = S['InitiativeUpdate'];
export type Participant = S['ParticipantOut'];
export type ResultTotal = S['ResultTotal'];
export type Result = S['ResultOut'];
export type ResultCreate = S['ResultCreate'];
export type SharedPartnership = S['SharedPartnershipOut'];

export type ProgrammeKind = Programme['kind'];
export type InitiativeStatus = Initiative['status'];
export type LineCode = NonNullable<Line['code']>;

export const STATUSES = ['idea', 'preparing', 'running', 'evaluating', 'ended'] as const satisfies readonly InitiativeStatus[];
export const LINE_CODES = ['target-group-policy', 'training', 'employment-conditions', 'organising-differently'] as const satisfies readonly LineCode[];

type Exhaustive<T extends never> = T;
export type AllStatusesListed = Exhaustive<Exclude<InitiativeStatus, (typeof STATUSES)[number]>>;
export type AllLineCodesListed = Exhaustive<Exclude<LineCode, (typeof LINE_CODES)[number]>>;

/** The built-in indicators a programme's initiatives report on, with the frequency of their periods. */
export const PROGRAMME_INDICATORS = [
  { code: 'side-entrants-started', frequency: 'school-year' },
  { code: 'substitute-days-covered', frequency: 'quarter' },
  { code: 'programme-participants', frequency: 'school-year' },
] as const;
export type IndicatorCode = (typeof PROGRAMME_INDICATORS)[number]['code'];

export function isIndicatorCode(code: string): code is IndicatorCode {
  return PROGRAMME_INDICATORS.some((i) => i.code === code);
}
