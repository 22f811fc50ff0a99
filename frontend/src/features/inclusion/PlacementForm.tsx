/**
 * A placement's form (new or changed): school, job, hours a week, start and end, contract, whether
 * it counts towards the job agreement and when UWV's register was checked, the workplace mentor (a
 * role assignment of `workplace-mentor`), and the employee's name for the board's administrators.
 * A change sends only what changed, with If-Match; a 412 is explained and reloaded.
 */
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { StaleNotice } from '../../components/StaleNotice';
import { changedFields, str, useFormState } from '../../lib/forms';
import { useAccess } from '../../lib/auth/AuthProvider';
import { newIdempotencyKey } from '../keypersons/format';
import { dateOrNull, formatNumber, numberInputText, parseDecimal, today } from '../../lib/format';
import { useScopeSchools } from '../../lib/scope';
import { useCreatePlacement, useMentors, useUpdatePlacement } from './api';
import { placementLabel } from './format';
import { trackPath } from './paths';
import { useT } from '../../lib/i18n';
import { canEditPlacement, mayRecordEmployeeName } from './permissions';
import { CONTRACT_KINDS, MENTOR_ROLE, type ContractKind, type Placement, type PlacementUpdate, type Track } from './types';
import { isStale, useStale } from '../../lib/stale';

type Values = {
  schoolId: string;
  jobTitle: string;
  hoursPerWeek: string;
  startsOn: string;
  endsOn: string;
  contractKind: string;
  countsTowardsJobAgreement: string;
  registerCheckedOn: string;
  mentorAssignmentId: string;
  employeeName: string;
  notes: string;
};

interface Props {
  track: Track;
  placement?: Placement;
  onReload: () => Promise<unknown>;
  onDone: (message: string | null) => void;
}

export function PlacementForm({ track, placement, onReload, onDone }: Props) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const access = useAccess();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const schools = useScopeSchools();
  const mentors = useMentors(track.boardId);
  const create = useCreatePlacement(track.id);
  const update = useUpdatePlacement(track.id);
  const idempotencyKey = useRef(newIdempotencyKey());
  const { stale, setStale, reloading, reload } = useStale(async () => {
    await onReload();
    onDone(null);
  });
  // The name: for the board's administrators, and (when changing) only where the API shows it.
  const withName = mayRecordEmployeeName(access, track.boardId) && (!placement || placement.nameVisible);
  const initial: Values = {
    schoolId: str(placement?.schoolId),
    jobTitle: str(placement?.jobTitle),
    hoursPerWeek: numberInputText(placement?.hoursPerWeek),
    startsOn: placement?.startsOn ?? today(),
    endsOn: str(placement?.endsOn),
    contractKind: str(placement?.contractKind),
    countsTowardsJobAgreement: placement?.countsTowardsJobAgreement ? 'true' : '',
    registerCheckedOn: str(placement?.registerCheckedOn),
    mentorAssignmentId: str(placement?.mentor?.assignmentId),
    employeeName: str(placement?.employeeName),
    notes: str(placement?.notes),
  };
  const form = useFormState<Values>(initial);
  const { values, setValue, fieldErrors } = form;
  const saving = create.isPending || update.isPending;
  const schoolOptions = (schools.data ?? []).filter(
    (s) => s.boardId === track.boardId && (canEditPlacement(access, { boardId: s.boardId, schoolId: s.id }) || s.id === placement?.schoolId),
  );
  const mentorOptions = (mentors.data ?? []).filter((m) => m.roleCode === MENTOR_ROLE);

  useEffect(() => headingRef.current?.focus(), []);

  function validate(): Partial<Record<keyof Values, string>> {
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!values.schoolId) errors.schoolId = t('inclusion.placements.form.schoolRequired');
    if (!values.jobTitle.trim()) errors.jobTitle = t('inclusion.placements.form.jobTitleRequired');
    const hours = parseDecimal(values.hoursPerWeek);
    if (hours === null || Number.isNaN(hours) || hours <= 0 || hours > 60) errors.hoursPerWeek = t('inclusion.placements.form.hoursInvalid');
    if (!values.startsOn) errors.startsOn = t('inclusion.placements.form.startsOnRequired');
    if (!values.contractKind) errors.contractKind = t('inclusion.placements.form.contractRequired');
    return errors;
  }

  function bodyOf(fields: (keyof Values)[]): PlacementUpdate {
    const body: PlacementUpdate = {};
    for (const f of fields) {
      switch (f) {
        case 'schoolId':
          body.schoolId = Number(values.schoolId);
          break;
        case 'jobTitle':
          body.jobTitle = values.jobTitle.trim();
          break;
        case 'hoursPerWeek':
          body.hoursPerWeek = parseDecimal(values.hoursPerWeek);
          break;
        case 'startsOn':
          body.startsOn = values.startsOn;
          break;
        case 'endsOn':
          body.endsOn = dateOrNull(values.endsOn);
          break;
        case 'contractKind':
          body.contractKind = values.contractKind as ContractKind;
          break;
        case 'countsTowardsJobAgreement':
          body.countsTowardsJobAgreement = values.countsTowardsJobAgreement === 'true';
          break;
        case 'registerCheckedOn':
          body.registerCheckedOn = dateOrNull(values.registerCheckedOn);
          break;
        case 'mentorAssignmentId':
          body.mentorAssignmentId = values.mentorAssignmentId ? Number(values.mentorAssignmentId) : null;
          break;
        case 'employeeName':
          if (withName) body.employeeName = values.employeeName.trim() || null;
          break;
        case 'notes':
          body.notes = values.notes.trim() || null;
          break;
      }
    }
    return body;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    form.clearErrors();
    const errors = validate();
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    try {
      if (placement) {
        const changed = changedFields(initial, values);
        if (changed.length > 0) {
          const saved = await update.mutateAsync({ placementId: placement.id, body: bodyOf(changed), etag: placement.etag });
          onDone(t('inclusion.placements.saved', { name: placementLabel(saved, t) }));
        } else onDone(null);
      } else {
        const all = (Object.keys(values) as (keyof Values)[]).filter((k) => values[k] !== '' || k === 'countsTowardsJobAgreement');
        const body = bodyOf(all);
        const created = await create.mutateAsync({
          body: {
            ...body,
            schoolId: Number(values.schoolId),
            jobTitle: values.jobTitle.trim(),
            hoursPerWeek: parseDecimal(values.hoursPerWeek) ?? 0,
            startsOn: values.startsOn,
            contractKind: values.contractKind as ContractKind,
          },
          idempotencyKey: idempotencyKey.current,
        });
        idempotencyKey.current = newIdempotencyKey();
        onDone(t('inclusion.placements.added', { name: placementLabel(created, t) }));
      }
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  const heading = placement ? t('inclusion.placements.editTitle', { name: placementLabel(placement, t) }) : t('inclusion.placements.addTitle');
  const currentMentorMissing =
    placement?.mentor && !mentorOptions.some((m) => m.id === placement.mentor?.assignmentId) ? placement.mentor : null;

  return (
    <form className="inline-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="placement-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <div className="field-row">
        <FormField label={t('inclusion.placements.form.school')} error={fieldErrors.schoolId} required>
          {(a) => (
            <select {...a} name="schoolId" value={values.schoolId} onChange={(e) => setValue('schoolId', e.target.value)}>
              <option value="">{t('inclusion.placements.form.chooseSchool')}</option>
              {schoolOptions.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
              {placement && !schoolOptions.some((s) => s.id === placement.schoolId) && (
                <option value={String(placement.schoolId)}>{placement.schoolName}</option>
              )}
            </select>
          )}
        </FormField>
        <FormField label={t('inclusion.placements.form.jobTitle')} hint={t('inclusion.placements.form.jobTitleHint')} error={fieldErrors.jobTitle} required>
          {(a) => <input {...a} name="jobTitle" maxLength={200} value={values.jobTitle} onChange={(e) => setValue('jobTitle', e.target.value)} />}
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('inclusion.placements.form.hoursPerWeek')} hint={t('inclusion.placements.form.hoursHint')} error={fieldErrors.hoursPerWeek} required>
          {(a) => (
            <input
              {...a}
              name="hoursPerWeek"
              className="input-short"
              inputMode="decimal"
              maxLength={6}
              value={values.hoursPerWeek}
              onChange={(e) => setValue('hoursPerWeek', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('inclusion.placements.form.contractKind')} error={fieldErrors.contractKind} required>
          {(a) => (
            <select {...a} name="contractKind" value={values.contractKind} onChange={(e) => setValue('contractKind', e.target.value)}>
              <option value="">{t('inclusion.placements.form.chooseContract')}</option>
              {CONTRACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`inclusion.placements.contractKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('inclusion.placements.form.startsOn')} error={fieldErrors.startsOn} required>
          {(a) => <input {...a} type="date" name="startsOn" className="input-date" value={values.startsOn} onChange={(e) => setValue('startsOn', e.target.value)} />}
        </FormField>
        <FormField label={t('inclusion.placements.form.endsOn')} hint={t('inclusion.placements.form.endsOnHint')} error={fieldErrors.endsOn}>
          {(a) => (
            <input
              {...a}
              type="date"
              name="endsOn"
              className="input-date"
              min={values.startsOn || undefined}
              value={values.endsOn}
              onChange={(e) => setValue('endsOn', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <fieldset className="placement-counts">
        <legend>{t('inclusion.placements.counts')}</legend>
        <div className={fieldErrors.countsTowardsJobAgreement ? 'checkbox-field field-invalid' : 'checkbox-field'}>
          <input
            type="checkbox"
            id={`${id}-counts`}
            name="countsTowardsJobAgreement"
            checked={values.countsTowardsJobAgreement === 'true'}
            aria-describedby={`${id}-counts-hint`}
            onChange={(e) => setValue('countsTowardsJobAgreement', e.target.checked ? 'true' : '')}
          />
          <label htmlFor={`${id}-counts`}>{t('inclusion.placements.form.counts')}</label>
        </div>
        <p className="field-hint" id={`${id}-counts-hint`}>
          {t('inclusion.placements.form.countsHint')}
        </p>
        <FormField label={t('inclusion.placements.form.registerCheckedOn')} hint={t('inclusion.placements.form.registerHint')} error={fieldErrors.registerCheckedOn}>
          {(a) => (
            <input
              {...a}
              type="date"
              name="registerCheckedOn"
              className="input-date"
              max={today()}
              value={values.registerCheckedOn}
              onChange={(e) => setValue('registerCheckedOn', e.target.value)}
            />
          )}
        </FormField>
      </fieldset>
      <FormField label={t('inclusion.placements.form.mentor')} hint={t('inclusion.placements.form.mentorHint')} error={fieldErrors.mentorAssignmentId}>
        {(a) => (
          <select {...a} name="mentorAssignmentId" value={values.mentorAssignmentId} onChange={(e) => setValue('mentorAssignmentId', e.target.value)}>
            <option value="">{t('inclusion.placements.form.chooseMentor')}</option>
            {mentorOptions.map((m) => (
              <option key={m.id} value={String(m.id)}>
                {t('inclusion.placements.form.mentorOption', {
                  name: m.personName,
                  hours: m.hoursPerWeek
                    ? t('inclusion.placements.mentorHours', { hours: formatNumber(m.hoursPerWeek, language) })
                    : t('inclusion.placements.mentorNoHours'),
                })}
              </option>
            ))}
            {currentMentorMissing && <option value={String(currentMentorMissing.assignmentId)}>{currentMentorMissing.personName}</option>}
          </select>
        )}
      </FormField>
      {mentors.data && mentorOptions.length === 0 && (
        <p className="muted">
          {t('inclusion.placements.form.noMentors')} <Link to={`/role-assignments/new?role=${MENTOR_ROLE}&scope=board:${track.boardId}&returnTo=${encodeURIComponent(trackPath(track.id, 'plaatsingen'))}`}>{t('inclusion.placements.form.assignMentor')}</Link>
        </p>
      )}
      {withName && (
        <FormField label={t('inclusion.placements.form.employeeName')} hint={t('inclusion.placements.form.employeeNameHint')} error={fieldErrors.employeeName}>
          {(a) => (
            <input {...a} name="employeeName" autoComplete="off" maxLength={200} value={values.employeeName} onChange={(e) => setValue('employeeName', e.target.value)} />
          )}
        </FormField>
      )}
      <FormField label={t('inclusion.placements.form.notes')} hint={t('inclusion.placements.form.notesHint')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={2} maxLength={2000} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : placement ? t('common.save') : t('inclusion.placements.addSubmit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
