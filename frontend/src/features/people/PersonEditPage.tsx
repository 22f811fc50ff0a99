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
import { PersonForm } from './PersonForm';
import { usePerson } from './api';

export function PersonEditPage() {
  const { t } = useT();
  const access = useAccess();
  const personId = parseId(useParams().personId);
  const query = usePerson(personId);
  const schools = useScopeSchools();
  const title = query.data ? t('people.editTitle', { name: query.data.person.name }) : t('people.title');
  useDocumentTitle(title);

  if (!Number.isFinite(personId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending || schools.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { person, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.title')}</Link> / <Link to={`/people/${person.id}`}>{person.name}</Link>
      </p>
      <h1>{title}</h1>
      {canEditBoardRegister(access, person.boardId) ? (
        <PersonForm key={`${person.id}:${etag ?? person.updatedAt}`} person={person} etag={etag} onReload={() => query.refetch()} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
