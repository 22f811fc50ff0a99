/** The indicators' pages: the dashboard and entering a measurement. */
import { Outlet, type RouteObject } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Access } from '../../lib/auth/access';
import { useAccess } from '../../lib/auth/AuthProvider';
import { DashboardPage } from './DashboardPage';
import { useT } from '../../lib/i18n';
import { MeasurementFormPage } from './MeasurementFormPage';
import { canEnterMeasurements, canSeeIndicators } from './permissions';

function Guard({ allowed }: { allowed: (access: Access) => boolean }) {
  const { t } = useT('indicators');
  const access = useAccess();
  if (!allowed(access)) {
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
