import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useRegion } from './api';
import { useT } from '../../lib/i18n';
import { regionAdminPath, REGIONS_PATH } from './paths';
import { canManageRegions } from './permissions';
import { RegionForm } from './RegionForm';
import './areas.css';

export function RegionEditPage() {
  const { t } = useT('areas', 'complaints');
  const access = useAccess();
  const allowed = canManageRegions(access);
  const regionId = parseId(useParams().regionId);
  const query = useRegion(allowed ? regionId : Number.NaN);
  const title = query.data ? t('regionAdmin.editTitle', { name: query.data.data.name }) : t('regionAdmin.title');
  useDocumentTitle(title);

  if (!allowed) {
    return (
      <>
        <h1>{t('regionAdmin.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(regionId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { data: region, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={REGIONS_PATH}>{t('regionAdmin.title')}</Link> / <Link to={regionAdminPath(region.id)}>{region.name}</Link>
      </p>
      <h1>{title}</h1>
      {/* A new version (after "reload") starts the form afresh. */}
      <RegionForm key={`${region.id}:${etag ?? ''}`} region={region} etag={etag} onReload={() => query.refetch()} />
    </>
  );
}
