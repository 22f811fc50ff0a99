import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { toNumber } from '../../lib/useListParams';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canCreateSchool } from '../../lib/auth/permissions';
import { SchoolForm } from './SchoolForm';

export function SchoolCreatePage() {
  const { t } = useTranslation();
  const access = useAccess();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('schools.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/schools">{t('schools.title')}</Link>
      </p>
      <h1>{t('schools.createTitle')}</h1>
      {canCreateSchool(access) ? (
        <SchoolForm defaultBoardId={toNumber(searchParams.get('boardId') ?? undefined)} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
