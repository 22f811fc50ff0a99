import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SyncedNotice } from '../../components/SyncedFrom';
import { externalHref, formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canDeleteSchool, canEditSchool, canSeeAudit, canSeeBoards } from '../../lib/auth/permissions';
import { useDeleteSchool, useSchool } from './api';

export function SchoolDetailPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const schoolId = parseId(useParams().schoolId);
  const query = useSchool(schoolId);
  const remove = useDeleteSchool(schoolId);
  const [confirming, setConfirming] = useState(false);
  useDocumentTitle(query.data?.school.name ?? t('schools.title'));

  if (!Number.isFinite(schoolId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { school, etag } = query.data;
  const none = t('common.none');
  const address = [
    [school.street, school.houseNumber].filter(Boolean).join(' '),
    [school.postalCode, school.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');

  async function onDelete() {
    try {
      await remove.mutateAsync({ etag });
      navigate('/schools', { state: { flash: t('common.deleted') } });
    } catch {
      setConfirming(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/schools">{t('schools.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{school.name}</h1>
        <div className="actions">
          {canEditSchool(access, school) && (
            <Link to={`/schools/${school.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
          )}
          {canDeleteSchool(access, school) && !confirming && (
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </div>
      <Flash />
      {confirming && (
        <div className="alert alert-warning" role="group" aria-labelledby="confirm-delete">
          <p id="confirm-delete">{t('common.confirmDelete')}</p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void onDelete()} disabled={remove.isPending}>
              {t('common.delete')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ProblemAlert error={remove.error} focus />
      <SyncedNotice
        syncedFrom={school.syncedFrom}
        labels={{
          name: t('schools.name'),
          sector: t('schools.sector'),
          municipalityCode: t('schools.municipality'),
          street: t('schools.street'),
          houseNumber: t('schools.houseNumber'),
          postalCode: t('schools.postalCode'),
          city: t('schools.city'),
          email: t('schools.email'),
          phone: t('schools.phone'),
          website: t('schools.website'),
        }}
      />

      <section aria-labelledby="school-details">
        <h2 id="school-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('schools.board')}</dt>
          <dd>
            {canSeeBoards(access) ? <Link to={`/boards/${school.boardId}`}>{school.boardName ?? school.boardId}</Link> : (school.boardName ?? none)}
          </dd>
          <dt>{t('schools.locationCode')}</dt>
          <dd>{school.locationCode}</dd>
          <dt>{t('schools.sector')}</dt>
          <dd>{t(`sectors.${school.sector}`)}</dd>
          <dt>{t('schools.denomination')}</dt>
          <dd data-testid="school-denomination">{school.denomination ?? none}</dd>
          <dt>{t('schools.municipality')}</dt>
          <dd>{school.municipalityName ?? none}</dd>
          <dt>{t('schools.address')}</dt>
          <dd>{address || none}</dd>
          {school.profile && (
            <>
              <dt>{t('schools.profile')}</dt>
              <dd className="prewrap">{school.profile}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="school-contact">
        <h2 id="school-contact">{t('schools.contact')}</h2>
        <dl className="details">
          <dt>{t('schools.email')}</dt>
          <dd>{school.email ? <a href={`mailto:${school.email}`}>{school.email}</a> : none}</dd>
          <dt>{t('schools.phone')}</dt>
          <dd>{school.phone ? <a href={`tel:${school.phone}`}>{school.phone}</a> : none}</dd>
          <dt>{t('schools.website')}</dt>
          <dd>
            {school.website ? (
              <a href={externalHref(school.website)} rel="noopener noreferrer">
                {school.website}
              </a>
            ) : (
              none
            )}
          </dd>
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(school.updatedAt, i18n.language)}</dd>
        </dl>
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=school&entityId=${school.id}`}>{t('schools.auditTrail')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
