import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SyncedNotice } from '../../components/SyncedFrom';
import { formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoard, canEditBoardRegister, canSeeAudit } from '../../lib/auth/permissions';
import { RegistryProblem } from '../../components/ProblemMessage';
import { useT } from '../../lib/i18n';
import { AssignmentTable } from './AssignmentTable';
import { fetchPersonalData, useDeletePerson, useErasePerson, usePerson, useRoleAssignments } from './api';
import { languageName } from './languages';

export function PersonDetailPage() {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const personId = parseId(useParams().personId);
  const query = usePerson(personId);
  const roles = useRoleAssignments({ personId }, Number.isFinite(personId));
  const remove = useDeletePerson(personId);
  const erase = useErasePerson(personId);
  const [exportError, setExportError] = useState<unknown>(null);
  useDocumentTitle(query.data?.person.name ?? t('people.title'));

  if (!Number.isFinite(personId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { person, etag } = query.data;
  const none = t('common.none');
  const erased = person.erasedOn != null;
  const canEdit = canEditBoardRegister(access, person.boardId) && !erased;
  const canManage = canEditBoard(access, person.boardId);
  const active = (roles.data ?? []).filter((a) => a.active);
  const ended = (roles.data ?? []).filter((a) => !a.active);

  async function onDelete() {
    await remove.mutateAsync({ etag });
    navigate('/people', { state: { flash: t('common.deleted') } });
  }

  async function onErase() {
    await erase.mutateAsync({ etag });
  }

  async function onExport() {
    setExportError(null);
    try {
      const blob = await fetchPersonalData(person.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `spil-persoonsgegevens-${person.id}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{person.name}</h1>
        <div className="actions">
          {canEdit && (
            <Link to={`/people/${person.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
          )}
          {canEdit && (
            <ConfirmAction
              label={t('common.delete')}
              message={t('people.confirmDelete', { name: person.name })}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
            />
          )}
        </div>
      </div>
      <Flash />
      <RegistryProblem error={remove.error} focus />
      {erased && (
        <p className="notice" role="status" data-testid="erased-notice">
          {t('people.erasedOn', { date: new Date(person.erasedOn ?? '').toLocaleDateString(i18n.language) })}
        </p>
      )}

      <SyncedNotice
        syncedFrom={person.syncedFrom}
        labels={{ name: t('people.name'), email: t('people.email'), phone: t('people.phone'), kind: t('people.kind') }}
      />
      {person.inactiveSince && (
        <p className="notice" data-testid="inactive-since">
          {t('synced.inactiveSince', {
            ns: 'translation',
            source: person.syncedFrom?.sourceLabel ?? '',
            date: new Date(person.inactiveSince).toLocaleDateString(i18n.language),
          })}
        </p>
      )}
      <section aria-labelledby="person-details">
        <h2 id="person-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('people.kind')}</dt>
          <dd>{t(`people.kinds.${person.kind}`)}</dd>
          <dt>{t('people.email')}</dt>
          <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : none}</dd>
          <dt>{t('people.phone')}</dt>
          <dd>{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : none}</dd>
          <dt>{t('people.languages')}</dt>
          <dd>{person.languages.length > 0 ? person.languages.map((c) => languageName(c, i18n.language)).join(', ') : none}</dd>
          {person.notes && (
            <>
              <dt>{t('people.notes')}</dt>
              <dd className="prewrap">{person.notes}</dd>
            </>
          )}
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(person.updatedAt, i18n.language)}</dd>
        </dl>
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=person&entityId=${person.id}`}>{t('people.auditTrail')}</Link>
          </p>
        )}
      </section>

      {canManage && (
        <section aria-labelledby="person-privacy">
          <h2 id="person-privacy">{t('people.privacy.title')}</h2>
          <p>{t('people.privacy.intro')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void onExport()}>
              {t('people.privacy.export')}
            </button>
            {!erased && (
              <ConfirmAction
                label={t('people.privacy.erase')}
                message={t('people.privacy.confirmErase', { name: person.name })}
                confirmLabel={t('people.privacy.erase')}
                onConfirm={onErase}
              />
            )}
          </div>
          <RegistryProblem error={erase.error ?? exportError} focus />
        </section>
      )}

      <section aria-labelledby="person-roles">
        <div className="section-header">
          <h2 id="person-roles">{t('people.roles')}</h2>
          {canEdit && (
            <Link to={`/role-assignments/new?personId=${person.id}`} className="button">
              {t('roleMatrix.assign')}
            </Link>
          )}
        </div>
        {roles.isPending && <Loading />}
        {roles.isError && <ProblemAlert error={roles.error} onRetry={() => void roles.refetch()} />}
        {roles.data && active.length === 0 && <p>{t('people.noRoles')}</p>}
        {active.length > 0 && <AssignmentTable items={active} caption={t('people.roles')} />}
        {ended.length > 0 && (
          <>
            <h3>{t('people.endedRoles')}</h3>
            <AssignmentTable items={ended} caption={t('people.endedRoles')} />
          </>
        )}
      </section>
    </>
  );
}
