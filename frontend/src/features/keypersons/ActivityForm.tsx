import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormField } from '../../components/FormField';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { usePeopleOptions } from '../people/api';
import { LanguagesField } from '../people/LanguagesField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { today } from '../../lib/format';
import { useScopeSchools } from '../../lib/scope';
import { useCreateActivity, useUpdateActivity } from './api';
import { oneOf, useFormErrors } from './forms';
import { newIdempotencyKey } from './format';
import { useT } from '../../lib/i18n';
import { ACTIVITY_KINDS, type Activity, type ActivityCreate, type ActivityKind, type ActivityUpdate } from './types';

interface Values {
  schoolId: string;
  kind: '' | ActivityKind;
  occurredOn: string;
  title: string;
  personIds: string[];
  parentsReached: string;
  languages: string[];
  note: string;
}
type Field = keyof Values;
type Errors = Partial<Record<Field, string>>;

function toValues(activity?: Activity, schoolId?: number): Values {
  return {
    schoolId: String(activity?.schoolId ?? schoolId ?? ''),
    kind: activity?.kind ?? '',
    occurredOn: activity?.occurredOn ?? today(),
    title: activity?.title ?? '',
    personIds: (activity?.people ?? []).map((p) => String(p.id)),
    parentsReached: String(activity?.parentsReached ?? 0),
    languages: activity?.languages ?? [],
    note: activity?.note ?? '',
  };
}

function apiValue(values: Values, field: Field): unknown {
  switch (field) {
    case 'schoolId':
      return Number(values.schoolId);
    case 'personIds':
      return values.personIds.map(Number);
    case 'parentsReached':
      return Number(values.parentsReached || 0);
    case 'languages':
      return values.languages;
    case 'title':
    case 'note':
      return values[field].trim() || null;
    default:
      return values[field];
  }
}

const FIELDS = Object.keys(toValues()) as Field[];

/** Create or edit an activity of key persons. */
export function ActivityForm({ activity, etag = null, onReload, defaultSchoolId }: {
  activity?: Activity;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
  defaultSchoolId?: number;
}) {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const navigate = useNavigate();
  const schools = useScopeSchools();
  const editable = (schools.data ?? []).filter((s) => canEditSchoolRecords(access, { boardId: s.boardId, schoolId: s.id }));
  const only = editable.length === 1 ? editable[0]?.id : undefined;
  const initial = useMemo(() => toValues(activity, defaultSchoolId ?? only), [activity, defaultSchoolId, only]);
  const [values, setValues] = useState<Values>(initial);
  const form = useFormErrors(oneOf(FIELDS), onReload);
  const { errors, stale } = form;
  const idempotencyKey = useRef(newIdempotencyKey());
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? 0);
  const saving = create.isPending || update.isPending;
  const schoolId = values.schoolId || (only ? String(only) : '');
  const boardId = activity?.boardId ?? editable.find((s) => String(s.id) === schoolId)?.boardId;
  const people = usePeopleOptions(boardId, boardId !== undefined);
  const personOptions = (people.data ?? []).map((p) => String(p.id));
  // Someone no longer in the list (left the board) stays selectable while chosen.
  for (const p of activity?.people ?? []) if (!personOptions.includes(String(p.id))) personOptions.push(String(p.id));
  const personName = (id: string) =>
    people.data?.find((p) => String(p.id) === id)?.name ?? activity?.people.find((p) => String(p.id) === id)?.name ?? id;

  function set<K extends Field>(name: K, value: Values[K]) {
    setValues((prev) => ({ ...prev, [name]: value }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const current = { ...values, schoolId };
    const found: Errors = {};
    if (!current.schoolId) found.schoolId = t('keyPersons.activityForm.errors.school');
    if (!current.kind) found.kind = t('keyPersons.activityForm.errors.kind');
    if (!current.occurredOn) found.occurredOn = t('common.fieldRequired');
    if (current.personIds.length === 0) found.personIds = t('keyPersons.activityForm.errors.people');
    if (!/^\d+$/.test(current.parentsReached.trim() || '0')) found.parentsReached = t('keyPersons.activityForm.errors.parents');
    if (current.languages.some((c) => !/^[a-z]{2,3}$/.test(c))) found.languages = t('validation.fields.languages');
    if (!form.check(found)) return;
    try {
      if (activity) {
        const changed = FIELDS.filter((f) => f !== 'schoolId' && JSON.stringify(apiValue(initial, f)) !== JSON.stringify(apiValue(current, f)));
        if (changed.length > 0) {
          const body = Object.fromEntries(changed.map((f) => [f, apiValue(current, f)])) as ActivityUpdate;
          await update.mutateAsync({ body, etag });
        }
        navigate('/key-persons/activities', { state: { flash: t('common.saved') } });
      } else {
        const body = Object.fromEntries(FIELDS.map((f) => [f, apiValue(current, f)])) as ActivityCreate;
        await create.mutateAsync({ body, idempotencyKey: idempotencyKey.current });
        navigate('/key-persons/activities', { state: { flash: t('keyPersons.activities.created') } });
      }
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {form.problems}
      {activity ? (
        <p className="field-static">
          <span className="field-static-label">{t('registry.school')}</span> {activity.schoolName}
        </p>
      ) : (
        <FormField label={t('registry.school')} error={errors.schoolId} required>
          {(a) => (
            <select {...a} name="schoolId" value={schoolId} onChange={(e) => setValues((v) => ({ ...v, schoolId: e.target.value, personIds: [] }))}>
              <option value="">{t('keyPersons.activityForm.chooseSchool')}</option>
              {editable.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="field-row">
        <FormField label={t('keyPersons.activities.kind')} error={errors.kind} required>
          {(a) => (
            <select {...a} name="kind" value={values.kind} onChange={(e) => set('kind', e.target.value as Values['kind'])}>
              <option value="">{t('keyPersons.activityForm.chooseKind')}</option>
              {ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`keyPersons.activityKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('keyPersons.activities.occurredOn')} error={errors.occurredOn} required>
          {(a) => (
            <input {...a} type="date" name="occurredOn" className="input-date" value={values.occurredOn} onChange={(e) => set('occurredOn', e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField label={t('keyPersons.activities.titleField')} error={errors.title} hint={t('keyPersons.activityForm.titleHint')}>
        {(a) => <input {...a} name="title" value={values.title} onChange={(e) => set('title', e.target.value)} />}
      </FormField>
      <CheckboxGroup
        legend={t('keyPersons.activities.people')}
        hint={boardId === undefined ? t('keyPersons.activityForm.chooseSchoolFirst') : t('keyPersons.activityForm.peopleHint')}
        name="personIds"
        options={personOptions}
        labelOf={personName}
        values={values.personIds}
        onChange={(v) => set('personIds', v)}
        error={errors.personIds}
      />
      <FormField label={t('keyPersons.activities.parentsReached')} error={errors.parentsReached} hint={t('keyPersons.activityForm.parentsHint')}>
        {(a) => (
          <input {...a} name="parentsReached" inputMode="numeric" className="input-short" value={values.parentsReached} onChange={(e) => set('parentsReached', e.target.value)} />
        )}
      </FormField>
      <LanguagesField
        value={values.languages}
        onChange={(codes) => set('languages', codes)}
        legend={t('keyPersons.activities.languages')}
        hint={t('keyPersons.activityForm.languagesHint')}
        otherLabel={t('people.otherLanguages')}
        otherHint={t('people.otherLanguagesHint')}
        error={errors.languages}
        language={language}
      />
      <FormField label={t('keyPersons.activities.note')} error={errors.note}>
        {(a) => <textarea {...a} name="note" rows={3} value={values.note} onChange={(e) => set('note', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <Link to="/key-persons/activities" className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
