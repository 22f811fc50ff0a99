import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { AgreementForm } from './AgreementForm';
import { useAgreement } from './api';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { canEditAgreement, canEditKeyPersons } from './permissions';

export function AgreementCreatePage() {
  const { t } = useT('keypersons');
  const access = useAccess();
  const [searchParams] = useSearchParams();
  useDocumentTitle(t('keyPersons.agreements.new'));
  return (
    <>
      <KeyPersonTabs />
      <p className="breadcrumb">
        <Link to="/key-persons/agreements">{t('keyPersons.agreements.title')}</Link>
      </p>
      <h1>{t('keyPersons.agreements.new')}</h1>
      {canEditKeyPersons(access) ? (
        <AgreementForm
          defaultPersonId={toNumber(searchParams.get('personId') ?? undefined)}
          defaultSchoolId={toNumber(searchParams.get('schoolId') ?? undefined)}
        />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}

export function AgreementEditPage() {
  const { t } = useT('keypersons');
  const access = useAccess();
  const agreementId = parseId(useParams().agreementId);
  const query = useAgreement(agreementId);
  const name = query.data?.data.personName;
  useDocumentTitle(name ? t('keyPersons.agreement.editTitle', { name }) : t('keyPersons.agreements.title'));
  if (!Number.isFinite(agreementId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { data: agreement, etag } = query.data;
  return (
    <>
      <KeyPersonTabs />
      <p className="breadcrumb">
        <Link to={`/key-persons/agreements/${agreement.id}`}>{t('keyPersons.agreement.titleOf', { name: agreement.personName })}</Link>
      </p>
      <h1>{t('keyPersons.agreement.editTitle', { name: agreement.personName })}</h1>
      {canEditAgreement(access, agreement) ? (
        <AgreementForm key={etag ?? 'v'} agreement={agreement} etag={etag} onReload={() => query.refetch()} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
