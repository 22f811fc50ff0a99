import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchool } from '../../lib/auth/permissions';
import { useSchool } from './api';
import { SchoolForm } from './SchoolForm';

export function SchoolEditPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const schoolId = parseId(useParams().schoolId);
  const query = useSchool(schoolId);
  const title = query.data ? t('schools.editTitle', { name: query.data.school.name }) : t('schools.title');
  useDocumentTitle(title);

  if (!Number.isFinite(schoolId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { school, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/schools">{t('schools.title')}</Link> / <Link to={`/schools/${school.id}`}>{school.name}</Link>
      </p>
      <h1>{title}</h1>
      {canEditSchool(access, school) ? (
        <SchoolForm key={`${school.id}:${etag ?? school.updatedAt}`} school={school} etag={etag} onReload={() => query.refetch()} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
