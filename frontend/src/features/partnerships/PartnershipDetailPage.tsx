import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords, canSeeAudit } from '../../lib/auth/permissions';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatMoney } from '../../lib/money';
import { formatDate } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useCategoryName } from '../../lib/scope';
import { SharedVia } from '../programmes/SharedVia';
import { Bottlenecks } from './Bottlenecks';
import { InternalContacts } from './InternalContacts';
import { StatusBadge } from './StatusBadge';
import { useDeletePartnership, usePartnership } from './api';

export function PartnershipDetailPage() {
  const { t, i18n } = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const partnershipId = parseId(useParams().partnershipId);
  const query = usePartnership(partnershipId);
  const remove = useDeletePartnership(partnershipId);
  const categoryName = useCategoryName(query.data?.partnership.boardId);
  const name = query.data
    ? query.data.partnership.title
      ? `${query.data.partnership.partnerName}: ${query.data.partnership.title}`
      : query.data.partnership.partnerName
    : t('partnerships.title');
  useDocumentTitle(name);

  if (!Number.isFinite(partnershipId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { partnership, etag } = query.data;
  const none = t('common.none');
  const language = i18n.language;
  const canEdit = canEditSchoolRecords(access, partnership);
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : none);

  async function onDelete() {
    await remove.mutateAsync({ etag });
    navigate('/partnerships', { state: { flash: t('common.deleted') } });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/partnerships">{t('partnerships.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{name}</h1>
        <div className="actions">
          {canEdit && (
            <Link to={`/partnerships/${partnership.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
          )}
          {canEdit && (
            <ConfirmAction
              label={t('common.delete')}
              message={t('partnerships.confirmDelete')}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
            />
          )}
        </div>
      </div>
      <Flash />
      <RegistryProblem error={remove.error} focus />
      {partnership.programmeId != null && <SharedVia programmeId={partnership.programmeId} />}

      <section aria-labelledby="partnership-details">
        <h2 id="partnership-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('partnerships.partner')}</dt>
          <dd>
            <Link to={`/partners/${partnership.partnerId}`}>{partnership.partnerName}</Link> (
            {categoryName(partnership.categoryCode)})
          </dd>
          <dt>{t('partnerships.school')}</dt>
          <dd>{partnership.schoolName ?? t('partnerships.boardWide')}</dd>
          <dt>{t('partnerships.status')}</dt>
          <dd>
            <StatusBadge status={partnership.status} />
          </dd>
          <dt>{t('partnerships.levels')}</dt>
          <dd>{list(partnership.levels.map((l) => t(`partnerships.levelNames.${l}`)))}</dd>
          <dt>{t('partnerships.purposes')}</dt>
          <dd>{list(partnership.purposes.map((p) => t(`partnerships.purposeNames.${p}`)))}</dd>
          <dt>{t('partnerships.coLocatedShort')}</dt>
          <dd>{partnership.coLocated ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('partnerships.agreementType')}</dt>
          <dd>{t(`partnerships.agreementTypes.${partnership.agreementType}`)}</dd>
          <dt>{t('partnerships.startDate')}</dt>
          <dd>{formatDate(partnership.startDate, language) || none}</dd>
          <dt>{t('partnerships.endDate')}</dt>
          <dd>{formatDate(partnership.endDate, language) || none}</dd>
          <dt>{t('partnerships.reviewDate')}</dt>
          <dd>{formatDate(partnership.reviewDate, language) || none}</dd>
          <dt>{t('partnerships.annualBudget')}</dt>
          <dd>{formatMoney(partnership.annualBudget, language) || none}</dd>
          {partnership.notes && (
            <>
              <dt>{t('partnerships.notes')}</dt>
              <dd className="prewrap">{partnership.notes}</dd>
            </>
          )}
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(partnership.updatedAt, language)}</dd>
        </dl>
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=partnership&entityId=${partnership.id}`}>{t('partnerships.auditTrail')}</Link>
          </p>
        )}
      </section>

      <InternalContacts partnership={partnership} canEdit={canEdit} />

      <section aria-labelledby="partnership-external">
        <h2 id="partnership-external">{t('partnerships.externalContacts')}</h2>
        {partnership.externalContacts.length === 0 ? (
          <p>{t('partnerships.noExternalContacts')}</p>
        ) : (
          <ul className="contact-cards">
            {partnership.externalContacts.map((c, i) => (
              <li key={i} className="card">
                <p className="card-title">
                  <strong>{c.name}</strong>
                  {c.function && <span className="muted">, {c.function}</span>}
                </p>
                {c.email && (
                  <p className="card-meta">
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </p>
                )}
                {c.phone && (
                  <p className="card-meta">
                    <a href={`tel:${c.phone}`}>{c.phone}</a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Bottlenecks partnership={partnership} canEdit={canEdit} />
    </>
  );
}
