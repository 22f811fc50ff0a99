/** The key persons' pages (inside the app) and the public "who is who" of a school (outside the login). */
import { Navigate, Outlet, type RouteObject } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAccess } from '../../lib/auth/AuthProvider';
import { ActivitiesPage, ActivityCreatePage, ActivityEditPage } from './ActivitiesPages';
import { AgreementDetailPage } from './AgreementDetailPage';
import { AgreementCreatePage, AgreementEditPage } from './AgreementEditPages';
import { AgreementsListPage } from './AgreementsListPage';
import { CalculatorPage } from './CalculatorPage';
import { useT } from '../../lib/i18n';
import { ListingsPage } from './ListingsPage';
import { canSeeKeyPersons } from './permissions';
import { PublicKeyPersonsPage } from './PublicKeyPersonsPage';
import { RulesPage } from './RulesPage';

/** Region contacts (and anyone without a role at a board or school) do not see key persons. */
function KeyPersonsSection() {
  const { t } = useT('keypersons');
  const access = useAccess();
  if (!canSeeKeyPersons(access)) {
    return (
      <>
        <h1>{t('keyPersons.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  return <Outlet />;
}

export const keyPersonRoutes: RouteObject[] = [
  {
    path: 'key-persons',
    element: <KeyPersonsSection />,
    children: [
      { index: true, element: <Navigate to="/key-persons/agreements" replace /> },
      { path: 'agreements', element: <AgreementsListPage /> },
      { path: 'agreements/new', element: <AgreementCreatePage /> },
      { path: 'agreements/:agreementId', element: <AgreementDetailPage /> },
      { path: 'agreements/:agreementId/edit', element: <AgreementEditPage /> },
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'activities/new', element: <ActivityCreatePage /> },
      { path: 'activities/:activityId/edit', element: <ActivityEditPage /> },
      { path: 'listings', element: <ListingsPage /> },
      { path: 'calculator', element: <CalculatorPage /> },
      { path: 'rules', element: <RulesPage /> },
    ],
  },
];

export const publicKeyPersonRoutes: RouteObject[] = [
  { path: '/openbaar/scholen/:locationCode/sleutelpersonen', element: <PublicKeyPersonsPage /> },
];
