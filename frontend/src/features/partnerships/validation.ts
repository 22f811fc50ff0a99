/** The partnership form's values, its checks before sending, and the API's field errors mapped onto it. */
import type { i18n as I18n } from 'i18next';
import { isProblemError } from '../../api/client';
import { fieldErrorMessage } from '../../lib/forms';
import { isMoneyInput, moneyInput, moneyInputText } from '../../lib/money';
import { asTFunction, type RT } from '../../lib/i18n';
import type { Partnership, PartnershipCreate, PartnershipUpdate } from '../../api/registryTypes';

export interface ContactRow {
  key: number;
  name: string;
  function: string;
  email: string;
  phone: string;
}

export interface PartnershipValues {
  /** `school:<id>` or `board:<id>` (board-wide). */
  scope: string;
  partnerId: string;
  title: string;
  levels: Partnership['levels'];
  purposes: Partnership['purposes'];
  coLocated: boolean;
  status: Partnership['status'];
  agreementType: Partnership['agreementType'];
  startDate: string;
  endDate: string;
  reviewDate: string;
  annualBudget: string;
  externalContacts: ContactRow[];
  notes: string;
}

export type ContactField = 'name' | 'function' | 'email' | 'phone';
export type FieldName = Exclude<keyof PartnershipValues, 'externalContacts'>;

export interface PartnershipErrors {
  fields: Partial<Record<FieldName, string>>;
  /** Per row of external contacts (by index): the field errors. */
  contacts: Record<number, Partial<Record<ContactField, string>>>;
}

export function emptyErrors(): PartnershipErrors {
  return { fields: {}, contacts: {} };
}

export function hasErrors(errors: PartnershipErrors): boolean {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.contacts).length > 0;
}

let nextKey = 1;
export function contactRow(contact?: { [K in ContactField]?: string | null } | null): ContactRow {
  return {
    key: nextKey++,
    name: contact?.name ?? '',
    function: contact?.function ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  };
}

export function toValues(partnership?: Partnership, defaults: { scope?: string; partnerId?: number } = {}): PartnershipValues {
  return {
    scope: partnership
      ? partnership.schoolId
        ? `school:${partnership.schoolId}`
        : `board:${partnership.boardId}`
      : (defaults.scope ?? ''),
    partnerId: partnership ? String(partnership.partnerId) : defaults.partnerId ? String(defaults.partnerId) : '',
    title: partnership?.title ?? '',
    levels: partnership?.levels ?? [],
    purposes: partnership?.purposes ?? [],
    coLocated: partnership?.coLocated ?? false,
    status: partnership?.status ?? 'active',
    agreementType: partnership?.agreementType ?? 'none',
    startDate: partnership?.startDate ?? '',
    endDate: partnership?.endDate ?? '',
    reviewDate: partnership?.reviewDate ?? '',
    annualBudget: moneyInputText(partnership?.annualBudget),
    externalContacts: (partnership?.externalContacts ?? []).map((c) => contactRow(c)),
    notes: partnership?.notes ?? '',
  };
}

function isBlankRow(row: ContactRow): boolean {
  return !row.name.trim() && !row.function.trim() && !row.email.trim() && !row.phone.trim();
}

/** Checks what can be checked before sending; the API checks the rest (e-mail and phone formats, ...). */
export function validate(values: PartnershipValues, t: RT, creating: boolean): PartnershipErrors {
  const errors = emptyErrors();
  if (creating && !values.scope) errors.fields.scope = t('partnerships.errors.scopeRequired');
  if (creating && !values.partnerId) errors.fields.partnerId = t('partnerships.errors.partnerRequired');
  if (values.startDate && values.endDate && values.endDate < values.startDate) {
    errors.fields.endDate = t('validation.codes.end-before-start');
  }
  if (!isMoneyInput(values.annualBudget)) errors.fields.annualBudget = t('validation.fields.annualBudget');
  values.externalContacts.forEach((row, index) => {
    if (!isBlankRow(row) && !row.name.trim()) {
      errors.contacts[index] = { name: t('partnerships.errors.contactNameRequired') };
    }
  });
  return errors;
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function contactsOut(rows: ContactRow[]) {
  return rows
    .filter((row) => !isBlankRow(row))
    .map((row) => ({ name: row.name.trim(), function: text(row.function), email: text(row.email), phone: text(row.phone) }));
}

/** The fields as the API takes them. */
export function fieldsOut(values: PartnershipValues): Required<Omit<PartnershipUpdate, never>> {
  return {
    title: text(values.title),
    levels: values.levels,
    purposes: values.purposes,
    coLocated: values.coLocated,
    status: values.status,
    agreementType: values.agreementType,
    startDate: text(values.startDate),
    endDate: text(values.endDate),
    reviewDate: text(values.reviewDate),
    // What the user typed, as the API's exact text ("2.500,50" → "2500.50").
    annualBudget: moneyInput(values.annualBudget),
    externalContacts: contactsOut(values.externalContacts),
    notes: text(values.notes),
  };
}

export function createBody(values: PartnershipValues): PartnershipCreate {
  const [kind, id] = values.scope.split(':');
  const fields = Object.fromEntries(Object.entries(fieldsOut(values)).filter(([, v]) => v !== null));
  return {
    ...fields,
    partnerId: Number(values.partnerId),
    ...(kind === 'school' ? { schoolId: Number(id) } : { boardId: Number(id) }),
  } as PartnershipCreate;
}

/** Only what changed, so someone else's change to another field is not overwritten. */
export function updateBody(initial: PartnershipValues, values: PartnershipValues): PartnershipUpdate {
  const before = fieldsOut(initial);
  const after = fieldsOut(values);
  return Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, after[k]]),
  ) as PartnershipUpdate;
}

const FIELD_NAMES: readonly string[] = [
  'partnerId',
  'title',
  'levels',
  'purposes',
  'coLocated',
  'status',
  'agreementType',
  'startDate',
  'endDate',
  'reviewDate',
  'annualBudget',
  'notes',
];

/** The API's invalid fields on the form: `externalContacts.0.email` on its row, `schoolId` on the scope. */
export function errorsFromProblem(error: unknown, t: RT, i18n: I18n, values?: PartnershipValues): PartnershipErrors {
  const errors = emptyErrors();
  if (!isProblemError(error)) return errors;
  // Empty rows are not sent: the API's row numbers count the filled rows only.
  const sentRows = (values?.externalContacts ?? []).flatMap((row, index) => (isBlankRow(row) ? [] : [index]));
  for (const param of error.invalidParams) {
    const name = param.name.replace(/^body\./, '');
    const message = fieldErrorMessage({ ...param, name }, asTFunction(t), i18n);
    const contact = /^externalContacts\.(\d+)\.(name|function|email|phone)$/.exec(name);
    if (contact) {
      const index = sentRows[Number(contact[1])] ?? Number(contact[1]);
      const field = contact[2] as ContactField;
      errors.contacts[index] = { ...errors.contacts[index], [field]: fieldErrorMessage({ ...param, name: field }, asTFunction(t), i18n) };
    } else if (name === 'body' && /endDate/.test(param.reason)) {
      errors.fields.endDate ??= t('validation.codes.end-before-start');
    } else if (name === 'schoolId' || name === 'boardId') {
      errors.fields.scope ??= message;
    } else if (FIELD_NAMES.includes(name)) {
      errors.fields[name as FieldName] ??= message;
    }
  }
  return errors;
}
