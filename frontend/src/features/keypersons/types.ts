/** Names for the key-person API types (agreements, ledger, payments, activities, listings, rules), derived from the paths. */
import type { paths } from '../../api/schema';
import type { Body, Ok, Query } from '../../api/types';

export type RuleSet = Ok<paths['/allowance-rules/{year}']['get']>;
export type RuleSetCreate = Body<paths['/allowance-rules']['post']>;
export type RuleSetUpdate = Body<paths['/allowance-rules/{year}']['patch']>;
export type RuleRevision = Ok<paths['/allowance-rules/{year}/revisions']['get']>[number];

export type CheckRequest = Body<paths['/allowance-checks']['post']>;
export type CheckResult = Ok<paths['/allowance-checks']['post']>;
export type Violation = CheckResult['violations'][number];
export type AllowanceWarning = CheckResult['warnings'][number];
export type AgeBand = NonNullable<CheckRequest['ageBand']>;

export type AgreementPage = Ok<paths['/volunteer-agreements']['get']>;
export type Agreement = Ok<paths['/volunteer-agreements/{agreementId}']['get']>;
export type AgreementCreate = Body<paths['/volunteer-agreements']['post']>;
export type AgreementUpdate = Body<paths['/volunteer-agreements/{agreementId}']['patch']>;
export type AgreementListQuery = Query<paths['/volunteer-agreements']['get']>;
export type Scheme = Agreement['allowanceScheme'];
export type Facility = Agreement['facilities'][number];
export type BenefitType = NonNullable<Agreement['benefitType']>;
export type BenefitWarning = NonNullable<Agreement['benefitWarnings']>[number];

export type Ledger = Ok<paths['/volunteer-agreements/{agreementId}/ledger']['get']>;
export type LedgerMonth = Ledger['months'][number];

export type PaymentPage = Ok<paths['/allowance-payments']['get']>;
export type Payment = Ok<paths['/allowance-payments/{paymentId}']['get']>;
export type PaymentCreate = Body<paths['/allowance-payments']['post']>;
export type PaymentUpdate = Body<paths['/allowance-payments/{paymentId}']['patch']>;

export type ActivityPage = Ok<paths['/key-person-activities']['get']>;
export type Activity = Ok<paths['/key-person-activities/{activityId}']['get']>;
export type ActivityCreate = Body<paths['/key-person-activities']['post']>;
export type ActivityUpdate = Body<paths['/key-person-activities/{activityId}']['patch']>;
export type ActivityListQuery = Query<paths['/key-person-activities']['get']>;
export type ActivityKind = Activity['kind'];

export type ListingPage = Ok<paths['/key-person-listings']['get']>;
export type Listing = Ok<paths['/key-person-listings/{listingId}']['get']>;
export type ListingCreate = Body<paths['/key-person-listings']['post']>;
export type ListingUpdate = Body<paths['/key-person-listings/{listingId}']['patch']>;

export type PublicKeyPersons = Ok<paths['/public/schools/{locationCode}/key-persons']['get']>;
export type PublicPerson = PublicKeyPersons['people'][number];

export const AGE_BANDS = ['21-plus', 'under-21'] as const satisfies readonly AgeBand[];
export const SCHEMES = ['none', 'fixed', 'hourly', 'expenses-only'] as const satisfies readonly Scheme[];
export const FACILITIES = ['workplace', 'meeting-place', 'phone', 'email'] as const satisfies readonly Facility[];
export const BENEFIT_TYPES = ['none', 'participatiewet', 'ww', 'other'] as const satisfies readonly BenefitType[];
export const ACTIVITY_KINDS = [
  'coffee-morning',
  'intake',
  'parent-evening',
  'home-visit',
  'flyer-round',
  'introduction',
  'workshop',
  'other',
] as const satisfies readonly ActivityKind[];
export const LIMITS = ['per-hour', 'per-month', 'per-year'] as const satisfies readonly Violation['limit'][];

/** The role types behind an agreement's supervisor and contact point, and the ones a school may publish. */
export const SUPERVISOR_ROLE = 'key-person-supervisor';
export const CONTACT_POINT_ROLE = 'key-person-contact-point';
export const KEY_PERSON_ROLE = 'key-person';
export const PUBLIC_ROLES = [KEY_PERSON_ROLE, CONTACT_POINT_ROLE] as const;

/** The problem type of a payment that would cross a limit. */
export const LIMIT_EXCEEDED = 'allowance-limit-exceeded';

type Exhaustive<T extends never> = T;
export type AllAgeBandsListed = Exhaustive<Exclude<AgeBand, (typeof AGE_BANDS)[number]>>;
export type AllSchemesListed = Exhaustive<Exclude<Scheme, (typeof SCHEMES)[number]>>;
export type AllFacilitiesListed = Exhaustive<Exclude<Facility, (typeof FACILITIES)[number]>>;
export type AllBenefitTypesListed = Exhaustive<Exclude<BenefitType, (typeof BENEFIT_TYPES)[number]>>;
export type AllActivityKindsListed = Exhaustive<Exclude<ActivityKind, (typeof ACTIVITY_KINDS)[number]>>;
export type AllLimitsListed = Exhaustive<Exclude<Violation['limit'], (typeof LIMITS)[number]>>;
