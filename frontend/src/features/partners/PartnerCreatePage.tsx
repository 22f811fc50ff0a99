import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { PartnerForm } from './PartnerForm';

export function PartnerCreatePage() {
  const { t } = useT();
  const access = useAccess();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('partners.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/partners">{t('partners.title')}</Link>
      </p>
      <h1>{t('partners.createTitle')}</h1>
      {canEditRegistry(access) ? (
        <PartnerForm defaultBoardId={toNumber(searchParams.get('boardId') ?? undefined)} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
