/** The indicators' pages: the dashboard and entering a measurement. */
import { Outlet, type RouteObject } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUser } from '../auth/AuthProvider';
import { DashboardPage } from './DashboardPage';
import { useIT } from './i18n';
import { MeasurementFormPage } from './MeasurementFormPage';
import { canEnterMeasurements, canSeeIndicators } from './permissions';

function Guard({ allowed }: { allowed: (user: ReturnType<typeof useUser>) => boolean }) {
  const { t } = useIT();
  const user = useUser();
  if (!allowed(user)) {
    return (
      <>
        <h1>{t('indicators.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  return <Outlet />;
}

export const indicatorRoutes: RouteObject[] = [
  {
    path: 'indicators',
    element: <Guard allowed={canSeeIndicators} />,
    children: [
      { index: true, element: <DashboardPage /> },
      { element: <Guard allowed={canEnterMeasurements} />, children: [{ path: 'measurements/new', element: <MeasurementFormPage /> }] },
    ],
  },
];
