import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { externalHref, formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoard, canEditBoardRegister, canEditRegistry, canSeeAudit } from '../../lib/auth/permissions';
import { PartnershipTable } from '../partnerships/PartnershipTable';
import { usePartnerships } from '../partnerships/api';
import { RegistryProblem } from '../../components/ProblemMessage';
import { useT } from '../../lib/i18n';
import { useCategoryName } from '../../lib/scope';
import { useDeletePartner, usePartner } from './api';

export function PartnerDetailPage() {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const partnerId = parseId(useParams().partnerId);
  const query = usePartner(partnerId);
  const partnerships = usePartnerships({ partnerId, pageSize: 100, sort: 'partner' }, Number.isFinite(partnerId));
  const remove = useDeletePartner(partnerId);
  const categoryName = useCategoryName(query.data?.partner.boardId);
  useDocumentTitle(query.data?.partner.name ?? t('partners.title'));

  if (!Number.isFinite(partnerId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { partner, etag } = query.data;
  const none = t('common.none');
  const canEdit = canEditBoardRegister(access, partner.boardId);

  async function onDelete() {
    await remove.mutateAsync({ etag });
    navigate('/partners', { state: { flash: t('common.deleted') } });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/partners">{t('partners.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{partner.name}</h1>
        <div className="actions">
          {canEdit && (
            <Link to={`/partners/${partner.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
          )}
          {canEditBoard(access, partner.boardId) && (
            <ConfirmAction
              label={t('common.delete')}
              message={t('partners.confirmDelete', { name: partner.name })}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
            />
          )}
        </div>
      </div>
      <Flash />
      <RegistryProblem error={remove.error} focus />

      <section aria-labelledby="partner-details">
        <h2 id="partner-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('partners.category')}</dt>
          <dd>{categoryName(partner.categoryCode, partner.categoryName)}</dd>
          <dt>{t('partners.kvkNumber')}</dt>
          <dd>{partner.kvkNumber ?? none}</dd>
          <dt>{t('partners.municipality')}</dt>
          <dd>{partner.municipalityName ?? none}</dd>
          <dt>{t('partners.address')}</dt>
          <dd>{partner.address ?? none}</dd>
          <dt>{t('partners.email')}</dt>
          <dd>{partner.email ? <a href={`mailto:${partner.email}`}>{partner.email}</a> : none}</dd>
          <dt>{t('partners.phone')}</dt>
          <dd>{partner.phone ? <a href={`tel:${partner.phone}`}>{partner.phone}</a> : none}</dd>
          <dt>{t('partners.website')}</dt>
          <dd>
            {partner.website ? (
              <a href={externalHref(partner.website)} rel="noopener noreferrer">
                {partner.website}
              </a>
            ) : (
              none
            )}
          </dd>
          {partner.notes && (
            <>
              <dt>{t('partners.notes')}</dt>
              <dd className="prewrap">{partner.notes}</dd>
            </>
          )}
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(partner.updatedAt, i18n.language)}</dd>
        </dl>
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=partner&entityId=${partner.id}`}>{t('partners.auditTrail')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="partner-partnerships">
        <div className="section-header">
          <h2 id="partner-partnerships">{t('partners.partnerships')}</h2>
          {canEditRegistry(access) && (
            <Link to={`/partnerships/new?partnerId=${partner.id}`} className="button">
              {t('partnerships.new')}
            </Link>
          )}
        </div>
        {partnerships.isPending && <Loading />}
        {partnerships.isError && <ProblemAlert error={partnerships.error} onRetry={() => void partnerships.refetch()} />}
        {partnerships.data &&
          (partnerships.data.items.length === 0 ? (
            <p>{t('partners.noPartnerships')}</p>
          ) : (
            <PartnershipTable items={partnerships.data.items} caption={t('partners.partnerships')} showPartner={false} />
          ))}
      </section>
    </>
  );
}
