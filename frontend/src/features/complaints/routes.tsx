/** The pages of the complaint routes and confidential work: inside the app, and the public ones outside it. */
import type { RouteObject } from 'react-router';
import { CaseCreatePage, CaseEditPage, CasesListPage } from './CasesPages';
import { PosterPage } from './public/PosterPage';
import { RouteFinderPage } from './public/RouteFinderPage';
import { ReportPage } from './ReportPage';
import { RouteEditorPage } from './RouteEditorPage';
import { ExternalBodiesPage } from './SettingsPages';

export const complaintsRoutes: RouteObject[] = [
  { path: 'complaint-routes', element: <RouteEditorPage /> },
  { path: 'external-bodies', element: <ExternalBodiesPage /> },
  { path: 'confidential-cases', element: <CasesListPage /> },
  { path: 'confidential-cases/new', element: <CaseCreatePage /> },
  { path: 'confidential-cases/report', element: <ReportPage /> },
  { path: 'confidential-cases/:caseId', element: <CaseEditPage /> },
];

/** The public route finder and its poster: no login, no app layout. */
export const publicComplaintsRoutes: RouteObject[] = [
  { path: '/openbaar/scholen/:locationCode/klachtenroutes', element: <RouteFinderPage /> },
  { path: '/openbaar/scholen/:locationCode/klachtenroutes/poster', element: <PosterPage /> },
];
