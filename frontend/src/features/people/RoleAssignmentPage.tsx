import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { SyncedNotice } from '../../components/SyncedFrom';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useRoleName } from '../../lib/scope';
import { AssignmentForm } from './AssignmentForm';
import { useHoursText } from './AssignmentTable';
import { useDeleteAssignment, useRoleAssignment } from './api';

/** One role assignment: who holds which role where, with its hours and period; change or end it. */
export function RoleAssignmentPage() {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const assignmentId = parseId(useParams().assignmentId);
  const query = useRoleAssignment(assignmentId);
  const remove = useDeleteAssignment(assignmentId);
  const roleName = useRoleName(query.data?.assignment.boardId);
  const hours = useHoursText();
  const title = query.data
    ? t('roleMatrix.assignmentTitle', {
        person: query.data.assignment.personName,
        role: roleName.byCode(query.data.assignment.roleCode, query.data.assignment.roleName),
      })
    : t('roleMatrix.title');
  useDocumentTitle(title);

  if (!Number.isFinite(assignmentId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { assignment, etag } = query.data;
  const none = t('common.none');
  const lang = i18n.language;
  const canEdit = canEditSchoolRecords(access, assignment);
  const back = assignment.partnershipId
    ? `/partnerships/${assignment.partnershipId}`
    : assignment.schoolId
      ? `/who/roles?schoolId=${assignment.schoolId}`
      : `/people/${assignment.personId}`;

  async function onDelete() {
    await remove.mutateAsync({ etag });
    navigate(back, { state: { flash: t('common.deleted') } });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/people/${assignment.personId}`}>{assignment.personName}</Link>
      </p>
      <div className="page-header">
        <h1>{title}</h1>
        {canEdit && (
          <div className="actions">
            <ConfirmAction
              label={t('roleMatrix.deleteMistake')}
              message={t('roleMatrix.confirmDelete')}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
            />
          </div>
        )}
      </div>
      <Flash />
      <RegistryProblem error={remove.error} focus />
      <SyncedNotice
        syncedFrom={assignment.syncedFrom}
        labels={{
          role: t('roleMatrix.role'),
          locationCode: t('people.where'),
          hoursPerWeek: t('roleMatrix.hoursPerWeek'),
          startsOn: t('roleMatrix.startsOn'),
          endsOn: t('roleMatrix.endsOn'),
        }}
      />
      <section aria-labelledby="assignment-details">
        <h2 id="assignment-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('roleMatrix.person')}</dt>
          <dd>
            <Link to={`/people/${assignment.personId}`}>{assignment.personName}</Link>
          </dd>
          <dt>{t('roleMatrix.role')}</dt>
          <dd>{roleName.byCode(assignment.roleCode, assignment.roleName)}</dd>
          <dt>{t('people.where')}</dt>
          <dd>
            {assignment.schoolId ? (
              <Link to={`/who/roles?schoolId=${assignment.schoolId}`}>{assignment.schoolName}</Link>
            ) : (
              t('people.boardLevel')
            )}
          </dd>
          {assignment.partnershipId && (
            <>
              <dt>{t('partnerships.partnership')}</dt>
              <dd>
                <Link to={`/partnerships/${assignment.partnershipId}`}>{assignment.partnerName ?? assignment.partnershipId}</Link>
              </dd>
            </>
          )}
          <dt>{t('people.hours')}</dt>
          <dd>{hours(assignment) || none}</dd>
          <dt>{t('roleMatrix.startsOn')}</dt>
          <dd>{formatDate(assignment.startsOn, lang) || none}</dd>
          <dt>{t('roleMatrix.endsOn')}</dt>
          <dd>{formatDate(assignment.endsOn, lang) || none}</dd>
          <dt>{t('people.state')}</dt>
          <dd>{assignment.active ? t('people.active') : t('people.ended')}</dd>
        </dl>
      </section>
      {canEdit && (
        <section aria-labelledby="assignment-edit">
          <h2 id="assignment-edit">{t('roleMatrix.change')}</h2>
          <p className="muted">{t('roleMatrix.changeIntro')}</p>
          <AssignmentForm
            key={`${assignment.id}:${etag ?? assignment.updatedAt}`}
            assignment={assignment}
            etag={etag}
            onReload={() => query.refetch()}
          />
        </section>
      )}
    </>
  );
}
