/**
 * An initiative (`/programmas/:programmeId/initiatieven/:initiativeId`): its description and
 * status (an ended one says why), the boards taking part with their contacts (a board's own staff
 * name its contact from the board's people), the results as a chart and a table of totals per
 * period, the figures per board, and a form to add a result. Keepers change the status.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { useFormState } from '../../lib/forms';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { newIdempotencyKey } from '../keypersons/format';
import { usePeopleOptions } from '../people/api';
import { formatNumber, today } from '../../lib/format';
import { LiveMessage } from '../../components/LiveMessage';
import {
  useCreateResult,
  useDeleteResult,
  useInitiative,
  useLines,
  useProgramme,
  useResults,
  useSetContact,
  useUpdateInitiative,
} from './api';
import { formatPeriod, indicatorName, lineName, periodOptions, periodText } from './format';
import { useT } from '../../lib/i18n';
import { StatusFields } from './KeeperForms';
import { programmePath } from './paths';
import { canEnterResults, canSeeProgrammes, isOwnBoard } from './permissions';
import { ResultsChart } from './ResultsChart';
import { StatusBadge } from './StatusBadge';
import { PROGRAMME_INDICATORS, type Initiative, type InitiativeStatus, type Participant, type Result, type ResultTotal } from './types';
import { isStale, useStale } from '../../lib/stale';
import './programmes.css';

export function InitiativePage() {
  const { t, language } = useT('programmes');
  const access = useAccess();
  const params = useParams();
  const programmeId = parseId(params.programmeId);
  const initiativeId = parseId(params.initiativeId);
  const allowed = canSeeProgrammes(access);
  const programme = useProgramme(allowed ? programmeId : Number.NaN);
  const query = useInitiative(allowed ? programmeId : Number.NaN, initiativeId);
  const lines = useLines(programmeId, Boolean(query.data));
  const initiative = query.data;
  useDocumentTitle(initiative?.name ?? t('programmes.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('programmes.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(programmeId) || !Number.isFinite(initiativeId) || isNotFound(query.error) || isNotFound(programme.error)) {
    return <NotFoundPage />;
  }
  if (query.isPending || programme.isPending) return <Loading />;
  if (!initiative || !programme.data) return <ProblemAlert error={query.error ?? programme.error} onRetry={() => void query.refetch()} />;

  const p = programme.data.data;
  const keeper = p.canEdit;
  const line = lines.data?.find((l) => l.id === initiative.lineId);
  const period = periodText(initiative.startsOn, initiative.endsOn, t, language);
  return (
    <div className="initiative-page">
      <p className="breadcrumb">
        <Link to={programmePath(p.id)}>{t('programmes.initiative.back', { programme: p.name })}</Link>
      </p>
      <h1>{initiative.name}</h1>
      <dl className="programme-header">
        <div>
          <dt>{t('programmes.initiative.status')}</dt>
          <dd data-testid="initiative-status">
            <StatusBadge status={initiative.status} /> <span>{t(`programmes.status.words.${initiative.status}`)}</span>
          </dd>
        </div>
        {line && (
          <div>
            <dt>{t('programmes.initiative.line')}</dt>
            <dd>{lineName(line, t, language)}</dd>
          </div>
        )}
        {period && (
          <div>
            <dt>{t('programmes.initiative.period')}</dt>
            <dd>{period}</dd>
          </div>
        )}
      </dl>
      {initiative.status === 'ended' && initiative.endedReason && (
        <p className="ended-reason" data-testid="ended-reason">
          {t('programmes.status.endedReason', { reason: initiative.endedReason })}
        </p>
      )}
      {initiative.description && (
        <section aria-labelledby="initiative-description" className="programme-section">
          <h2 id="initiative-description">{t('programmes.initiative.description')}</h2>
          <p className="prewrap">{initiative.description}</p>
        </section>
      )}
      {keeper && <StatusForm programmeId={p.id} initiative={initiative} onReload={() => query.refetch()} />}
      <ParticipantsSection programmeId={p.id} initiative={initiative} onReload={() => query.refetch()} />
      <ResultsSection programmeId={p.id} initiative={initiative} keeper={keeper} />
    </div>
  );
}

function StatusForm({ programmeId, initiative, onReload }: { programmeId: number; initiative: Initiative; onReload: () => Promise<unknown> }) {
  const { t } = useT('programmes');
  const id = useId();
  const form = useFormState({ status: initiative.status as string, endedReason: initiative.endedReason ?? '' });
  const update = useUpdateInitiative(programmeId, initiative.id);
  const [message, setMessage] = useState<string | null>(null);
  const { stale, setStale, reloading, reload } = useStale(async () => {
    const fresh = (await onReload()) as { data?: Initiative } | undefined;
    const data = fresh?.data;
    if (data) form.setValues({ status: data.status, endedReason: data.endedReason ?? '' });
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    setMessage(null);
    const ended = form.values.status === 'ended';
    if (ended && !form.values.endedReason.trim()) {
      form.setFieldErrors({ endedReason: t('programmes.initiative.endedReasonRequired') });
      return;
    }
    try {
      await update.mutateAsync({
        body: { status: form.values.status as InitiativeStatus, endedReason: ended ? form.values.endedReason.trim() : null },
        etag: initiative.etag,
      });
      setMessage(t('programmes.initiative.statusSaved'));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="programme-section">
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="status-form">
        <h2 id={`${id}-title`}>{t('programmes.initiative.editStatus')}</h2>
        <LiveMessage message={message} />
        {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
        <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
        <StatusFields values={form.values} setValue={form.setValue} fieldErrors={form.fieldErrors} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
            {update.isPending ? t('common.saving') : t('programmes.initiative.saveStatus')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ParticipantsSection({ programmeId, initiative, onReload }: { programmeId: number; initiative: Initiative; onReload: () => Promise<unknown> }) {
  const { t } = useT('programmes');
  const access = useAccess();
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby={`${id}-title`} className="programme-section" id="deelnemers">
      <h2 id={`${id}-title`}>{t('programmes.initiative.participants')}</h2>
      <LiveMessage message={message} />
      {initiative.participants.length === 0 ? (
        <p>{t('programmes.initiative.noParticipants')}</p>
      ) : (
        <ul className="participants" data-testid="participants">
          {initiative.participants.map((pt) => (
            <li key={pt.boardId} data-board={pt.boardId}>
              <strong>{pt.boardName}</strong>: <ContactText participant={pt} />
              {isOwnBoard(access, pt.boardId) && (
                <ContactForm programmeId={programmeId} initiative={initiative} participant={pt} onSaved={setMessage} onReload={onReload} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactText({ participant }: { participant: Participant }) {
  const { t } = useT('programmes');
  const c = participant.contact;
  if (!c) return <span className="no-contact-warning">{t('programmes.initiative.noContact')}</span>;
  return (
    <span data-testid="contact">
      {c.name}
      {c.email && (
        <>
          {' · '}
          <a href={`mailto:${c.email}`}>{c.email}</a>
        </>
      )}
      {c.phone && ` · ${c.phone}`}
    </span>
  );
}

function ContactForm({
  programmeId,
  initiative,
  participant,
  onSaved,
  onReload,
}: {
  programmeId: number;
  initiative: Initiative;
  participant: Participant;
  onSaved: (message: string) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useT('programmes');
  const people = usePeopleOptions(participant.boardId);
  const form = useFormState({ contactPersonId: participant.contact ? String(participant.contact.personId) : '' });
  const setContact = useSetContact(programmeId, initiative.id);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    try {
      await setContact.mutateAsync({
        boardId: participant.boardId,
        contactPersonId: form.values.contactPersonId ? Number(form.values.contactPersonId) : null,
        etag: initiative.etag,
      });
      onSaved(t('programmes.initiative.contactSaved', { board: participant.boardName }));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="inline-form contact-form" onSubmit={(e) => void submit(e)} noValidate data-testid={`contact-form-${participant.boardId}`}>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
      <FormField label={t('programmes.initiative.setContact', { board: participant.boardName })} error={form.fieldErrors.contactPersonId}>
        {(a) => (
          <select {...a} name="contactPersonId" value={form.values.contactPersonId} onChange={(e) => form.setValue('contactPersonId', e.target.value)}>
            <option value="">{t('programmes.initiative.chooseContact')}</option>
            {(people.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={setContact.isPending || stale}>
          {setContact.isPending ? t('common.saving') : t('programmes.initiative.saveContact')}
        </button>
      </div>
    </form>
  );
}

/** The totals grouped per indicator, each in period order. */
export function totalsByIndicator(totals: ResultTotal[]): [string, ResultTotal[]][] {
  const groups = new Map<string, ResultTotal[]>();
  for (const total of totals) groups.set(total.indicator, [...(groups.get(total.indicator) ?? []), total]);
  return [...groups.entries()].map(([k, v]) => [k, [...v].sort((a, b) => a.period.localeCompare(b.period))]);
}

export function TotalsTable({ totals }: { totals: ResultTotal[] }) {
  const { t, language } = useT('programmes');
  const sorted = totalsByIndicator(totals).flatMap(([, v]) => v);
  return (
    <div className="table-wrap" role="region" aria-label={t('programmes.results.totals')} tabIndex={0}>
      <table data-testid="totals-table">
        <caption>{t('programmes.results.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.results.indicator')}</th>
            <th scope="col">{t('programmes.results.period')}</th>
            <th scope="col">{t('programmes.results.total')}</th>
            <th scope="col">{t('programmes.results.boards')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={`${row.indicator}-${row.period}`} data-indicator={row.indicator} data-period={row.period}>
              <td>{indicatorName(row, t, language)}</td>
              <td>{formatPeriod(row.period)}</td>
              <td>{formatNumber(row.total, language)}</td>
              <td>{row.boards}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResultsSection({ programmeId, initiative, keeper }: { programmeId: number; initiative: Initiative; keeper: boolean }) {
  const { t, language } = useT('programmes');
  const access = useAccess();
  const id = useId();
  const results = useResults(programmeId, initiative.id);
  const remove = useDeleteResult(programmeId, initiative.id);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const groups = totalsByIndicator(initiative.totals);
  const enterFor = initiative.participants.filter((pt) => canEnterResults(access, pt.boardId, keeper));
  const name = (code: string) => {
    const total = initiative.totals.find((x) => x.indicator === code);
    return indicatorName(total ?? { indicator: code }, t, language);
  };

  async function onRemove(r: Result) {
    setActionError(null);
    try {
      await remove.mutateAsync({ resultId: r.id, etag: r.etag });
      setMessage(t('programmes.results.removed'));
    } catch (error) {
      setActionError(error);
      throw error;
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="programme-section" id="resultaten">
      <h2 id={`${id}-title`}>{t('programmes.results.title')}</h2>
      <p>{t('programmes.results.intro')}</p>
      <LiveMessage message={message} />
      <ProblemAlert error={actionError} focus />
      {groups.length === 0 && <p>{t('programmes.results.none')}</p>}
      {groups.map(([code, rows]) => (
        <ResultsChart key={code} indicator={name(code)} points={rows.map((r) => ({ period: r.period, total: r.total }))} />
      ))}
      {groups.length > 0 && <TotalsTable totals={initiative.totals} />}
      {results.isPending && <Loading />}
      {results.isError && <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && results.data.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('programmes.results.perBoard')} tabIndex={0}>
          <table data-testid="results-table">
            <caption>{t('programmes.results.perBoard')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.results.board')}</th>
                <th scope="col">{t('programmes.results.indicator')}</th>
                <th scope="col">{t('programmes.results.period')}</th>
                <th scope="col">{t('programmes.results.value')}</th>
                <th scope="col">{t('programmes.results.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('programmes.results.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...results.data]
                .sort((a, b) => a.indicator.localeCompare(b.indicator) || a.period.localeCompare(b.period) || a.boardName.localeCompare(b.boardName))
                .map((r) => (
                  <tr key={r.id} data-board={r.boardId} data-period={r.period}>
                    <td>{r.boardName}</td>
                    <td>{name(r.indicator)}</td>
                    <td>{formatPeriod(r.period)}</td>
                    <td>{formatNumber(r.value, language)}</td>
                    <td>{r.note ?? ''}</td>
                    <td>
                      {canEnterResults(access, r.boardId, keeper) && (
                        <ConfirmAction
                          label={t('programmes.results.remove')}
                          accessibleLabel={t('programmes.results.removeNamed', { board: r.boardName, indicator: name(r.indicator), period: formatPeriod(r.period) })}
                          message={t('programmes.results.confirmRemove', { board: r.boardName, period: formatPeriod(r.period) })}
                          confirmLabel={t('programmes.results.confirmRemoveButton')}
                          onConfirm={() => onRemove(r)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {enterFor.length > 0 && (
        <ResultForm programmeId={programmeId} initiative={initiative} boards={enterFor} onAdded={() => setMessage(t('programmes.results.added'))} />
      )}
    </section>
  );
}

type ResultValues = { boardId: string; indicator: string; period: string; value: string; note: string };

function ResultForm({
  programmeId,
  initiative,
  boards,
  onAdded,
}: {
  programmeId: number;
  initiative: Initiative;
  boards: Participant[];
  onAdded: () => void;
}) {
  const { t } = useT('programmes');
  const id = useId();
  const first = initiative.totals[0]?.indicator ?? '';
  const initial: ResultValues = { boardId: boards.length === 1 ? String(boards[0]!.boardId) : '', indicator: first, period: '', value: '', note: '' };
  const form = useFormState<ResultValues>(initial);
  const { values, setValue, fieldErrors } = form;
  const create = useCreateResult(programmeId, initiative.id);
  const key = useRef(newIdempotencyKey());
  const periods = values.indicator ? periodOptions(values.indicator, today()) : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    form.clearErrors();
    const errors: Partial<Record<keyof ResultValues, string>> = {};
    if (!values.boardId) errors.boardId = t('programmes.results.boardRequired');
    if (!values.indicator) errors.indicator = t('programmes.results.indicatorRequired');
    if (!values.period) errors.period = t('programmes.results.periodRequired');
    const value = Number(values.value.replace(',', '.'));
    if (values.value.trim() === '' || !Number.isInteger(value) || value < 0) errors.value = t('programmes.results.valueRequired');
    if (Object.keys(errors).length > 0) return form.setFieldErrors(errors);
    try {
      await create.mutateAsync({
        body: { boardId: Number(values.boardId), indicator: values.indicator, period: values.period, value, note: values.note.trim() || null },
        idempotencyKey: key.current,
      });
      key.current = newIdempotencyKey();
      form.setValues({ ...initial, indicator: values.indicator, boardId: values.boardId });
      onAdded();
    } catch (error) {
      form.applyError(error);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="result-form">
      <h3 id={`${id}-title`}>{t('programmes.results.add')}</h3>
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      <FormField label={t('programmes.results.board')} error={fieldErrors.boardId} required>
        {(a) => (
          <select {...a} name="boardId" value={values.boardId} onChange={(e) => setValue('boardId', e.target.value)}>
            {boards.length > 1 && <option value="">{t('programmes.results.boardRequired')}</option>}
            {boards.map((b) => (
              <option key={b.boardId} value={b.boardId}>
                {b.boardName}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('programmes.results.indicator')} error={fieldErrors.indicator} required>
        {(a) => (
          <select
            {...a}
            name="indicator"
            value={values.indicator}
            onChange={(e) => {
              setValue('indicator', e.target.value);
              setValue('period', '');
            }}
          >
            <option value="">{t('programmes.results.chooseIndicator')}</option>
            {PROGRAMME_INDICATORS.map((i) => (
              <option key={i.code} value={i.code}>
                {t(`programmes.results.indicators.${i.code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('programmes.results.period')} error={fieldErrors.period} required>
        {(a) => (
          <select {...a} name="period" value={values.period} onChange={(e) => setValue('period', e.target.value)}>
            <option value="">{t('programmes.results.choosePeriod')}</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('programmes.results.value')} error={fieldErrors.value} required>
        {(a) => <input {...a} name="value" inputMode="numeric" value={values.value} onChange={(e) => setValue('value', e.target.value)} />}
      </FormField>
      <FormField label={t('programmes.results.note')} error={fieldErrors.note}>
        {(a) => <input {...a} name="note" maxLength={500} value={values.note} onChange={(e) => setValue('note', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('programmes.results.addSubmit')}
        </button>
      </div>
    </form>
  );
}
