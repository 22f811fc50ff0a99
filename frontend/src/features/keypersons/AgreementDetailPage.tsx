import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeAudit } from '../../lib/auth/permissions';
import { languageName } from '../people/languages';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatMoney } from '../../lib/money';
import { formatDate, formatNumber } from '../../lib/format';
import { assignmentText, schemeText } from './agreementText';
import { AllowanceTracker } from './AllowanceTracker';
import { useAgreement, useDeleteAgreement } from './api';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { canEditAgreement } from './permissions';

export function AgreementDetailPage() {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const navigate = useNavigate();
  const agreementId = parseId(useParams().agreementId);
  const query = useAgreement(agreementId);
  const remove = useDeleteAgreement(agreementId);
  useDocumentTitle(query.data ? t('keyPersons.agreement.titleOf', { name: query.data.data.personName }) : t('keyPersons.agreements.title'));

  if (!Number.isFinite(agreementId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { data: agreement, etag } = query.data;
  const canEdit = canEditAgreement(access, agreement);
  const none = t('common.none');
  const plan = agreement.plan;

  async function onDelete() {
    await remove.mutateAsync({ etag });
    navigate('/key-persons/agreements', { state: { flash: t('common.deleted') } });
  }

  return (
    <>
      <KeyPersonTabs />
      <p className="breadcrumb">
        <Link to="/key-persons/agreements">{t('keyPersons.agreements.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{t('keyPersons.agreement.titleOf', { name: agreement.personName })}</h1>
        {canEdit && (
          <div className="actions">
            <Link to={`/key-persons/agreements/${agreement.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
            <ConfirmAction
              label={t('common.delete')}
              message={t('keyPersons.agreement.confirmDelete')}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
            />
          </div>
        )}
      </div>
      <Flash />
      <RegistryProblem error={remove.error} focus />
      {remove.error != null && (
        <p className="muted">{t('keyPersons.agreement.deleteHint')}</p>
      )}

      <section aria-labelledby="agreement-details">
        <h2 id="agreement-details">{t('keyPersons.agreement.details')}</h2>
        <dl className="details" data-testid="agreement-details">
          <dt>{t('keyPersons.agreement.person')}</dt>
          <dd>
            <Link to={`/people/${agreement.personId}`}>{agreement.personName}</Link>
          </dd>
          <dt>{t('keyPersons.agreement.languages')}</dt>
          <dd>{agreement.languages.length > 0 ? agreement.languages.map((c) => languageName(c, language)).join(', ') : none}</dd>
          <dt>{t('keyPersons.agreement.schools')}</dt>
          <dd>{agreement.schools.map((s) => s.name).join(', ')}</dd>
          <dt>{t('keyPersons.agreement.period')}</dt>
          <dd>
            {agreement.endsOn
              ? t('keyPersons.agreement.periodFromTo', {
                  from: formatDate(agreement.startsOn, language),
                  to: formatDate(agreement.endsOn, language),
                })
              : t('keyPersons.agreement.periodFrom', { from: formatDate(agreement.startsOn, language) })}{' '}
            {agreement.active ? (
              <span className="badge badge-active">{t('keyPersons.agreement.active')}</span>
            ) : (
              <span className="badge badge-inactive">{t('keyPersons.agreement.inactive')}</span>
            )}
          </dd>
          <dt>{t('keyPersons.agreement.tasks')}</dt>
          <dd>
            {agreement.tasks.length > 0 ? (
              <ul className="plain-list">
                {agreement.tasks.map((task, i) => (
                  <li key={i}>{task}</li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
          <dt>{t('keyPersons.agreement.hoursPerWeek')}</dt>
          <dd>{agreement.hoursPerWeek != null ? formatNumber(agreement.hoursPerWeek, language) : none}</dd>
          <dt>{t('keyPersons.agreement.scheme')}</dt>
          <dd>{schemeText(agreement, t, language)}</dd>
          <dt>{t('keyPersons.agreement.travelPerKm')}</dt>
          <dd>
            {agreement.travelPerKm != null
              ? t('keyPersons.agreement.perKm', { amount: formatMoney(agreement.travelPerKm, language) })
              : none}
          </dd>
          <dt>{t('keyPersons.agreement.otherExpenses')}</dt>
          <dd className="prewrap">{agreement.otherExpenses || none}</dd>
          <dt>{t('keyPersons.agreement.facilities')}</dt>
          <dd>{agreement.facilities.length > 0 ? agreement.facilities.map((f) => t(`keyPersons.facilities.${f}`)).join(', ') : none}</dd>
          <dt>{t('keyPersons.agreement.supervisor')}</dt>
          <dd>{assignmentText(agreement.supervisor, t, language)}</dd>
          <dt>{t('keyPersons.agreement.contactPoint')}</dt>
          <dd>{assignmentText(agreement.contactPoint, t, language)}</dd>
          {agreement.benefitType != null && (
            <>
              <dt>{t('keyPersons.agreement.benefitType')}</dt>
              <dd data-testid="benefit-type">{t(`keyPersons.benefitTypes.${agreement.benefitType}`)}</dd>
            </>
          )}
          {agreement.taxableYears.length > 0 && (
            <>
              <dt>{t('keyPersons.agreement.taxableYears')}</dt>
              <dd>
                <span className="badge badge-over">
                  <span aria-hidden="true">⚠ </span>
                  {agreement.taxableYears.join(', ')}
                </span>
              </dd>
            </>
          )}
          {agreement.notes && (
            <>
              <dt>{t('keyPersons.agreement.notes')}</dt>
              <dd className="prewrap">{agreement.notes}</dd>
            </>
          )}
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(agreement.updatedAt, language)}</dd>
        </dl>
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=volunteer-agreement&entityId=${agreement.id}`}>{t('keyPersons.agreement.auditTrail')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="agreement-plan">
        <h2 id="agreement-plan">{t('keyPersons.agreement.plan')}</h2>
        <dl className="details">
          <dt>{t('keyPersons.agreement.planGoals')}</dt>
          <dd className="prewrap">{plan.goals || none}</dd>
          <dt>{t('keyPersons.agreement.planInternship')}</dt>
          <dd className="prewrap">{plan.internship || none}</dd>
          <dt>{t('keyPersons.agreement.planOtherTasks')}</dt>
          <dd className="prewrap">{plan.otherTasks || none}</dd>
          <dt>{t('keyPersons.agreement.planReviewDate')}</dt>
          <dd>{formatDate(plan.reviewDate, language) || none}</dd>
        </dl>
      </section>

      <AllowanceTracker agreement={agreement} canEdit={canEdit} />
    </>
  );
}
