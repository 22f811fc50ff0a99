import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { useScopeSchools } from '../../lib/scope';
import { PartnershipForm } from './PartnershipForm';

export function PartnershipCreatePage() {
  const { t } = useT();
  const access = useAccess();
  const [searchParams] = useSearchParams();
  const schools = useScopeSchools();
  useDocumentTitle(t('partnerships.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/partnerships">{t('partnerships.title')}</Link>
      </p>
      <h1>{t('partnerships.createTitle')}</h1>
      {!canEditRegistry(access) ? (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      ) : schools.isPending ? (
        <Loading />
      ) : (
        <PartnershipForm
          defaultSchoolId={toNumber(searchParams.get('schoolId') ?? undefined)}
          defaultPartnerId={toNumber(searchParams.get('partnerId') ?? undefined)}
        />
      )}
    </>
  );
}
