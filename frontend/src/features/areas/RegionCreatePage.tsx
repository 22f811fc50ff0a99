import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useT } from '../../lib/i18n';
import { REGIONS_PATH } from './paths';
import { canManageRegions } from './permissions';
import { RegionForm } from './RegionForm';
import './areas.css';

export function RegionCreatePage() {
  const { t } = useT('areas', 'complaints');
  const access = useAccess();
  useDocumentTitle(t('regionAdmin.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={REGIONS_PATH}>{t('regionAdmin.title')}</Link>
      </p>
      <h1>{t('regionAdmin.createTitle')}</h1>
      {canManageRegions(access) ? (
        <>
          <p className="lead">{t('regionAdmin.createIntro')}</p>
          <RegionForm />
        </>
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
