import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { PersonForm } from './PersonForm';

export function PersonCreatePage() {
  const { t } = useT();
  const access = useAccess();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('people.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.title')}</Link>
      </p>
      <h1>{t('people.createTitle')}</h1>
      {canEditRegistry(access) ? (
        <PersonForm defaultBoardId={toNumber(searchParams.get('boardId') ?? undefined)} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
