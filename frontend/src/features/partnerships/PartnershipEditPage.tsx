import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { PartnershipForm } from './PartnershipForm';
import { usePartnership } from './api';

export function PartnershipEditPage() {
  const { t } = useT();
  const access = useAccess();
  const partnershipId = parseId(useParams().partnershipId);
  const query = usePartnership(partnershipId);
  const title = query.data ? t('partnerships.editTitle', { name: query.data.partnership.partnerName }) : t('partnerships.title');
  useDocumentTitle(title);

  if (!Number.isFinite(partnershipId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { partnership, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/partnerships">{t('partnerships.title')}</Link> /{' '}
        <Link to={`/partnerships/${partnership.id}`}>{partnership.partnerName}</Link>
      </p>
      <h1>{title}</h1>
      {canEditSchoolRecords(access, partnership) ? (
        <PartnershipForm
          key={`${partnership.id}:${etag ?? partnership.updatedAt}`}
          partnership={partnership}
          etag={etag}
          onReload={() => query.refetch()}
        />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
