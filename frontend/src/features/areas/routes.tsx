/** The area dashboards (`/gebied/...`, for contact points) and the regions' administration (`/regions`). */
import type { RouteObject } from 'react-router';
import { AreaChooserPage } from './AreaChooserPage';
import { AreaDashboardPage } from './AreaDashboardPage';
import { RegionCreatePage } from './RegionCreatePage';
import { RegionDetailPage } from './RegionDetailPage';
import { RegionEditPage } from './RegionEditPage';
import { RegionsListPage } from './RegionsListPage';

export const areaRoutes: RouteObject[] = [
  { path: 'gebied', element: <AreaChooserPage /> },
  { path: 'gebied/gemeente/:municipalityId', element: <AreaDashboardPage type="municipality" /> },
  { path: 'gebied/regio/:regionId', element: <AreaDashboardPage type="region" /> },
  { path: 'regions', element: <RegionsListPage /> },
  { path: 'regions/new', element: <RegionCreatePage /> },
  { path: 'regions/:regionId', element: <RegionDetailPage /> },
  { path: 'regions/:regionId/edit', element: <RegionEditPage /> },
];
