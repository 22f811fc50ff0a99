/** The regional programme screens: the list, a programme and an initiative. */
import type { RouteObject } from 'react-router';
import { InitiativePage } from './InitiativePage';
import { ProgrammePage } from './ProgrammePage';
import { ProgrammesListPage } from './ProgrammesListPage';

export const programmeRoutes: RouteObject[] = [
  { path: 'programmas', element: <ProgrammesListPage /> },
  { path: 'programmas/:programmeId', element: <ProgrammePage /> },
  { path: 'programmas/:programmeId/initiatieven/:initiativeId', element: <InitiativePage /> },
];
