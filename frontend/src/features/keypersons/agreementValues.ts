/** The agreement form's values, its checks before sending, the request bodies and the API's field names. */
import { isMoneyInput, moneyInput, moneyInputText } from '../../lib/money';
import { dateOrNull, numberInputText, parseDecimal } from '../../lib/format';
import { hoursText } from './format';
import { type Translate } from '../../lib/i18n';
import type { AgeBand, Agreement, AgreementCreate, AgreementUpdate, BenefitType, Facility, Scheme } from './types';

export interface AgreementValues {
  personId: string;
  schoolIds: string[];
  tasks: string;
  hoursPerWeek: string;
  allowanceScheme: Scheme;
  fixedAmountPerMonth: string;
  hourlyRate: string;
  ageBand: '' | AgeBand;
  travelPerKm: string;
  otherExpenses: string;
  facilities: Facility[];
  supervisorAssignmentId: string;
  contactPointAssignmentId: string;
  planGoals: string;
  planInternship: string;
  planOtherTasks: string;
  planReviewDate: string;
  startsOn: string;
  endsOn: string;
  benefitType: '' | BenefitType;
  notes: string;
}

export type AgreementField = keyof AgreementValues;
export type AgreementErrors = Partial<Record<AgreementField, string>>;

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function toValues(agreement?: Agreement, defaults: { personId?: number; schoolId?: number } = {}): AgreementValues {
  return {
    personId: text(agreement?.personId ?? defaults.personId),
    schoolIds: agreement ? agreement.schools.map((s) => String(s.id)) : defaults.schoolId ? [String(defaults.schoolId)] : [],
    tasks: (agreement?.tasks ?? []).join('\n'),
    hoursPerWeek: numberInputText(agreement?.hoursPerWeek),
    allowanceScheme: agreement?.allowanceScheme ?? 'none',
    fixedAmountPerMonth: moneyInputText(agreement?.fixedAmountPerMonth),
    hourlyRate: moneyInputText(agreement?.hourlyRate),
    ageBand: agreement?.ageBand ?? '',
    travelPerKm: moneyInputText(agreement?.travelPerKm),
    otherExpenses: text(agreement?.otherExpenses),
    facilities: agreement?.facilities ?? [],
    supervisorAssignmentId: text(agreement?.supervisor?.id),
    contactPointAssignmentId: text(agreement?.contactPoint?.id),
    planGoals: text(agreement?.plan.goals),
    planInternship: text(agreement?.plan.internship),
    planOtherTasks: text(agreement?.plan.otherTasks),
    planReviewDate: text(agreement?.plan.reviewDate),
    startsOn: text(agreement?.startsOn),
    endsOn: text(agreement?.endsOn),
    benefitType: agreement?.benefitType ?? '',
    notes: text(agreement?.notes),
  };
}

const AMOUNTS = ['fixedAmountPerMonth', 'hourlyRate', 'travelPerKm'] as const;

/** What can be checked before sending; the API checks the rest. */
export function validate(values: AgreementValues, t: Translate<'keypersons'>, creating: boolean): AgreementErrors {
  const errors: AgreementErrors = {};
  if (creating && !values.personId) errors.personId = t('keyPersons.form.errors.person');
  if (values.schoolIds.length === 0) errors.schoolIds = t('keyPersons.form.errors.schools');
  if (!values.startsOn) errors.startsOn = t('common.fieldRequired');
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = t('keyPersons.form.errors.endBeforeStart');
  const hours = parseDecimal(values.hoursPerWeek);
  if (hours !== null && (Number.isNaN(hours) || hours < 0)) errors.hoursPerWeek = t('keyPersons.errors.amount');
  for (const f of AMOUNTS) {
    if (!isMoneyInput(values[f])) errors[f] = t('keyPersons.errors.amount');
  }
  if (values.allowanceScheme === 'fixed' && !errors.fixedAmountPerMonth && moneyInput(values.fixedAmountPerMonth) === null) {
    errors.fixedAmountPerMonth = t('keyPersons.form.errors.fixedAmount');
  }
  if (values.allowanceScheme === 'hourly') {
    if (!errors.hourlyRate && moneyInput(values.hourlyRate) === null) errors.hourlyRate = t('keyPersons.form.errors.hourlyRate');
    if (!values.ageBand) errors.ageBand = t('keyPersons.form.errors.ageBand');
  }
  return errors;
}

function hours(value: string): string | null {
  const n = parseDecimal(value);
  return n === null || Number.isNaN(n) ? null : hoursText(n);
}

function tasks(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The value of one field as the API wants it (the scheme decides which amounts are sent). */
function apiValue(values: AgreementValues, field: AgreementField): unknown {
  const scheme = values.allowanceScheme;
  switch (field) {
    case 'personId':
    case 'supervisorAssignmentId':
    case 'contactPointAssignmentId':
      return values[field] ? Number(values[field]) : null;
    case 'schoolIds':
      return values.schoolIds.map(Number);
    case 'tasks':
      return tasks(values.tasks);
    case 'fixedAmountPerMonth':
      return scheme === 'fixed' ? moneyInput(values.fixedAmountPerMonth) : null;
    case 'hourlyRate':
      return scheme === 'hourly' ? moneyInput(values.hourlyRate) : null;
    case 'ageBand':
      return values.ageBand || null;
    case 'hoursPerWeek':
      return hours(values.hoursPerWeek);
    case 'travelPerKm':
      return moneyInput(values.travelPerKm);
    case 'facilities':
      return values.facilities;
    case 'allowanceScheme':
      return scheme;
    case 'startsOn':
    case 'endsOn':
    case 'planReviewDate':
      return dateOrNull(values[field]);
    case 'benefitType':
      return values.benefitType || null;
    default:
      return (values[field] as string).trim() || null;
  }
}

const PLAN: Partial<Record<AgreementField, 'goals' | 'internship' | 'otherTasks' | 'reviewDate'>> = {
  planGoals: 'goals',
  planInternship: 'internship',
  planOtherTasks: 'otherTasks',
  planReviewDate: 'reviewDate',
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function body(values: AgreementValues, fields: AgreementField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const plan: Record<string, unknown> = {};
  for (const f of fields) {
    const value = apiValue(values, f);
    const planKey = PLAN[f];
    if (planKey) plan[planKey] = value;
    else out[f] = value;
  }
  if (Object.keys(plan).length > 0) out.plan = plan;
  return out;
}

const ALL = Object.keys(toValues()) as AgreementField[];

export function createBody(values: AgreementValues, withBenefit: boolean): AgreementCreate {
  const fields = ALL.filter((f) => (f !== 'benefitType' || withBenefit) && apiValue(values, f) !== null);
  return body(values, fields) as AgreementCreate;
}

/**
 * Only what changed. An amount that no longer fits the scheme is cleared with it; the benefit type
 * is only sent by those who may set it.
 */
export function updateBody(initial: AgreementValues, values: AgreementValues, withBenefit: boolean): AgreementUpdate {
  const changed = ALL.filter((f) => f !== 'personId' && (f !== 'benefitType' || withBenefit))
    .filter((f) => !same(apiValue(initial, f), apiValue(values, f)));
  return body(values, changed) as AgreementUpdate;
}

/** The API's field name (`schoolIds[0]`, `plan.goals`, `body.hourlyRate`) as the form's field. */
export function formField(name: string): AgreementField | null {
  const bare = name.replace(/^body\./, '').replace(/\[\d+\]$/, '').replace(/\.\d+$/, '');
  const plan = /^plan\.(goals|internship|otherTasks|reviewDate)$/.exec(bare);
  if (plan) return (`plan${plan[1]!.charAt(0).toUpperCase()}${plan[1]!.slice(1)}`) as AgreementField;
  return (ALL as string[]).includes(bare) ? (bare as AgreementField) : null;
}
