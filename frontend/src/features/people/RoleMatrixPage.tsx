import { Link } from 'react-router';
import type { School } from '../../api/types';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { SchoolView } from '../../components/SchoolView';
import { useT } from '../../lib/i18n';
import { useLocalName, useRoleTypes } from '../../lib/scope';
import { PARTNERSHIP_CONTACT_ROLE, type RoleAssignment, type RoleType } from '../../api/registryTypes';
import { useHoursText } from './AssignmentTable';
import { useRoleAssignments } from './api';

export function RoleMatrixPage() {
  const { t } = useT();
  return (
    <SchoolView
      title={t('roleMatrix.title')}
      intro={t('roleMatrix.intro')}
      actions={(school) => <ExportLinks kind="role-assignments" boardId={school.boardId} />}
    >
      {(school) => <RoleMatrix school={school} />}
    </SchoolView>
  );
}

interface Row {
  roleType: RoleType;
  holders: RoleAssignment[];
}

/** The form for a new assignment, prefilled, returning to this matrix. */
function assignLink(scope: string, role: string, schoolId: number): string {
  const query = new URLSearchParams({ scope, role, returnTo: `/who/roles?schoolId=${schoolId}` });
  return `/role-assignments/new?${query.toString()}`;
}

function buildRows(roleTypes: RoleType[], assignments: RoleAssignment[], level: 'school' | 'board'): Row[] {
  return roleTypes
    .filter((r) => r.scopeLevel === level && r.code !== PARTNERSHIP_CONTACT_ROLE)
    .map((roleType) => ({ roleType, holders: assignments.filter((a) => a.roleCode === roleType.code) }));
}

function RoleMatrix({ school }: { school: School }) {
  const { t } = useT();
  const access = useAccess();
  const roleTypes = useRoleTypes(school.boardId);
  const atSchool = useRoleAssignments({ schoolId: school.id, active: true });
  const atBoard = useRoleAssignments({ boardId: school.boardId, active: true });
  const canEdit = canEditSchoolRecords(access, { boardId: school.boardId, schoolId: school.id });
  const canEditBoardRoles = canEditSchoolRecords(access, { boardId: school.boardId, schoolId: null });

  if (roleTypes.isPending || atSchool.isPending) return <Loading />;
  if (roleTypes.isError) return <ProblemAlert error={roleTypes.error} onRetry={() => void roleTypes.refetch()} />;
  if (atSchool.isError) return <ProblemAlert error={atSchool.error} onRetry={() => void atSchool.refetch()} />;

  const schoolRows = buildRows(
    roleTypes.data,
    atSchool.data.filter((a) => !a.partnershipId),
    'school',
  );
  const boardRows = buildRows(
    roleTypes.data,
    (atBoard.data ?? []).filter((a) => a.schoolId == null && a.regionId == null && !a.partnershipId),
    'board',
  );
  const missing = schoolRows.filter((r) => r.roleType.requiredPerSchool && r.holders.length === 0);
  const statutoryMissing = missing.filter((r) => r.roleType.requiredBy === 'law');

  return (
    <>
      <Flash />
      {missing.length > 0 ? (
        <p className={statutoryMissing.length > 0 ? 'alert alert-error' : 'alert alert-warning'}>
          <span aria-hidden="true">⚠ </span>
          {t('roleMatrix.missingSummary', { count: missing.length, statutory: statutoryMissing.length })}
        </p>
      ) : (
        <p className="alert alert-success">{t('roleMatrix.complete')}</p>
      )}
      <section aria-labelledby="matrix-school">
        <h2 id="matrix-school">{t('roleMatrix.schoolRoles')}</h2>
        <MatrixTable
          rows={schoolRows}
          caption={t('roleMatrix.caption', { school: school.name })}
          addLink={canEdit ? (code) => assignLink(`school:${school.id}`, code, school.id) : undefined}
        />
      </section>
      <section aria-labelledby="matrix-board">
        <h2 id="matrix-board">{t('roleMatrix.boardRoles')}</h2>
        <p className="muted">{t('roleMatrix.boardRolesIntro')}</p>
        {atBoard.isPending ? (
          <Loading />
        ) : (
          <MatrixTable
            rows={boardRows}
            caption={t('roleMatrix.boardCaption', { board: school.boardName ?? '' })}
            addLink={canEditBoardRoles ? (code) => assignLink(`board:${school.boardId}`, code, school.id) : undefined}
          />
        )}
      </section>
      <p>
        <Link to={`/partnerships?schoolId=${school.id}`}>{t('roleMatrix.partnershipContacts')}</Link>
      </p>
    </>
  );
}

function MatrixTable({ rows, caption, addLink }: { rows: Row[]; caption: string; addLink?: (code: string) => string }) {
  const { t } = useT();
  const localName = useLocalName();
  const hours = useHoursText();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="role-matrix stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roleMatrix.role')}</th>
            <th scope="col">{t('roleMatrix.required')}</th>
            <th scope="col">{t('roleMatrix.holders')}</th>
            {addLink && <th scope="col">{t('partnerships.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ roleType, holders }) => {
            const name = localName(roleType);
            const empty = holders.length === 0;
            const required = roleType.requiredPerSchool && roleType.requiredBy !== 'none';
            const rowClass = empty && required ? (roleType.requiredBy === 'law' ? 'row-missing row-missing-law' : 'row-missing') : undefined;
            return (
              <tr key={roleType.code} className={rowClass} data-role={roleType.code}>
                <th scope="row" data-label={t('roleMatrix.role')}>
                  {name}
                  {roleType.needsHours && <span className="muted role-hint"> {t('roleMatrix.needsHours')}</span>}
                </th>
                <td data-label={t('roleMatrix.required')}>
                  {roleType.requiredBy === 'law' ? (
                    <span className="badge badge-law" title={roleType.source ?? undefined}>
                      <span aria-hidden="true">§ </span>
                      {t('roleMatrix.requiredBy.law')}
                    </span>
                  ) : roleType.requiredBy === 'guideline' ? (
                    <span className="badge badge-guideline" title={roleType.source ?? undefined}>
                      {t('roleMatrix.requiredBy.guideline')}
                    </span>
                  ) : (
                    <span className="muted">{t('roleMatrix.requiredBy.none')}</span>
                  )}
                </td>
                <td data-label={t('roleMatrix.holders')}>
                  {empty ? (
                    required ? (
                      <strong className="missing-text">
                        <span aria-hidden="true">⚠ </span>
                        {roleType.requiredBy === 'law' ? t('roleMatrix.missingLaw') : t('roleMatrix.missingGuideline')}
                      </strong>
                    ) : (
                      <span className="muted">{t('roleMatrix.nobody')}</span>
                    )
                  ) : (
                    <ul className="plain-list">
                      {holders.map((a) => {
                        const h = hours(a);
                        return (
                          <li key={a.id}>
                            <Link to={`/role-assignments/${a.id}`}>{a.personName}</Link>
                            {h ? (
                              <span className="muted"> ({h})</span>
                            ) : roleType.needsHours ? (
                              <span className="warning-text"> ({t('roleMatrix.noHours')})</span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
                {addLink && (
                  <td data-label={t('partnerships.actions')}>
                    <Link to={addLink(roleType.code)} className="button button-small">
                      {t('roleMatrix.assign')}
                      <span className="visually-hidden">: {name}</span>
                    </Link>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
