import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { useT } from '../../lib/i18n';
import { useScopeSchools } from '../../lib/scope';
import { AssignmentForm } from './AssignmentForm';

/** A path inside the app (never another site). */
export function safeReturn(value: string | null): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

export function RoleAssignmentCreatePage() {
  const { t } = useT();
  const access = useAccess();
  const [searchParams] = useSearchParams();
  const schools = useScopeSchools();
  useDocumentTitle(t('roleMatrix.createTitle'));
  const scope = searchParams.get('scope') ?? '';
  const returnTo = safeReturn(searchParams.get('returnTo'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={returnTo ?? '/who/roles'}>{t('roleMatrix.title')}</Link>
      </p>
      <h1>{t('roleMatrix.createTitle')}</h1>
      {!canEditRegistry(access) ? (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      ) : schools.isPending ? (
        <Loading />
      ) : (
        <AssignmentForm
          defaults={{
            scope: /^(school|board):\d+$/.test(scope) ? scope : '',
            role: searchParams.get('role') ?? '',
            personId: searchParams.get('personId') ?? '',
          }}
          returnTo={returnTo ?? (searchParams.get('personId') ? `/people/${searchParams.get('personId')}` : undefined)}
        />
      )}
    </>
  );
}
