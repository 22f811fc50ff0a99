/**
 * The member boards with the dates they joined and left; a keeper records a board's leaving
 * ("vertrekt op"), which ends the board's access from that date and keeps its history.
 */
import { useId, useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { useFormState } from '../../lib/forms';
import { formatDate, today } from '../../lib/format';
import { LiveMessage } from '../../components/LiveMessage';
import { useMembers, useUpdateMember } from './api';
import { useT } from '../../lib/i18n';
import type { Member, Programme } from './types';
import { isStale, useStale } from '../../lib/stale';

export function MembersSection({ programme }: { programme: Programme }) {
  const { t, language } = useT('programmes');
  const id = useId();
  const query = useMembers(programme.id);
  const [leaving, setLeaving] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const members = query.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="programme-section" id="besturen">
      <h2 id={`${id}-title`}>{t('programmes.members.title')}</h2>
      <LiveMessage message={message} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {members.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t('programmes.members.board')}</th>
                <th scope="col">{t('programmes.members.joinedOn')}</th>
                <th scope="col">{t('programmes.members.leftOn')}</th>
                {programme.canEdit && <th scope="col">{t('programmes.members.leaves')}</th>}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-board={m.boardId}>
                  <td>
                    {m.boardName}
                    {m.lead && <span className="badge badge-lead"> {t('programmes.members.lead')}</span>}{' '}
                    <span className="muted">({m.current ? t('programmes.members.current') : t('programmes.members.left')})</span>
                  </td>
                  <td>{formatDate(m.joinedOn, language)}</td>
                  <td>{m.leftOn ? formatDate(m.leftOn, language) : '—'}</td>
                  {programme.canEdit && (
                    <td>
                      {leaving === m.id ? (
                        <LeaveForm
                          programmeId={programme.id}
                          member={m}
                          onDone={(saved) => {
                            setLeaving(null);
                            if (saved) setMessage(saved);
                          }}
                          onReload={() => query.refetch()}
                        />
                      ) : (
                        !m.lead &&
                        m.current && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setLeaving(m.id)}
                            aria-label={t('programmes.members.leaveNamed', { board: m.boardName })}
                          >
                            {t('programmes.members.leaves')}
                          </button>
                        )
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LeaveForm({
  programmeId,
  member,
  onDone,
  onReload,
}: {
  programmeId: number;
  member: Member;
  onDone: (message: string | null) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t, language } = useT('programmes');
  const form = useFormState({ leftOn: member.leftOn ?? today() });
  const update = useUpdateMember(programmeId);
  const { stale, setStale, reloading, reload } = useStale(async () => {
    await onReload();
    onDone(null);
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    if (!form.values.leftOn) {
      form.setFieldErrors({ leftOn: t('programmes.members.leaveRequired') });
      return;
    }
    try {
      await update.mutateAsync({ memberId: member.id, body: { leftOn: form.values.leftOn }, etag: member.etag });
      onDone(t('programmes.members.leaveSaved', { board: member.boardName, date: formatDate(form.values.leftOn, language) }));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
      <FormField
        label={t('programmes.members.leavesOn', { board: member.boardName })}
        hint={t('programmes.members.leaveHint')}
        error={form.fieldErrors.leftOn}
        required
      >
        {(a) => <input {...a} type="date" name="leftOn" value={form.values.leftOn} onChange={(e) => form.setValue('leftOn', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('programmes.members.leaveSubmit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
