import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoardRegister } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { useScopeSchools } from '../../lib/scope';
import { PartnerForm } from './PartnerForm';
import { usePartner } from './api';

export function PartnerEditPage() {
  const { t } = useT();
  const access = useAccess();
  const partnerId = parseId(useParams().partnerId);
  const query = usePartner(partnerId);
  const schools = useScopeSchools();
  const title = query.data ? t('partners.editTitle', { name: query.data.partner.name }) : t('partners.title');
  useDocumentTitle(title);

  if (!Number.isFinite(partnerId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending || schools.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { partner, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/partners">{t('partners.title')}</Link> / <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
      </p>
      <h1>{title}</h1>
      {canEditBoardRegister(access, partner.boardId) ? (
        <PartnerForm key={`${partner.id}:${etag ?? partner.updatedAt}`} partner={partner} etag={etag} onReload={() => query.refetch()} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
