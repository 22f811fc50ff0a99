/** The sync screens: the runs, one run with what it changed, and the job-title mappings. */
import type { RouteObject } from 'react-router';
import { RoleMappingsPage } from './RoleMappingsPage';
import { SyncRunPage } from './SyncRunPage';
import { SyncRunsPage } from './SyncRunsPage';

export const syncRoutes: RouteObject[] = [
  { path: 'synchronisaties', element: <SyncRunsPage /> },
  { path: 'synchronisaties/functienamen', element: <RoleMappingsPage /> },
  { path: 'synchronisaties/:syncRunId', element: <SyncRunPage /> },
];
