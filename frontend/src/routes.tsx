import type { RouteObject } from 'react-router';
import { AppLayout } from './app/AppLayout';
import { accountRoutes, publicAccountRoutes } from './features/accounts/routes';
import { NotFoundPage } from './components/NotFoundPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { ApiClientCreatePage } from './features/apiClients/ApiClientCreatePage';
import { ApiClientsListPage } from './features/apiClients/ApiClientsListPage';
import { areaRoutes } from './features/areas/routes';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { BoardCreatePage } from './features/boards/BoardCreatePage';
import { BoardDetailPage } from './features/boards/BoardDetailPage';
import { BoardEditPage } from './features/boards/BoardEditPage';
import { BoardsListPage } from './features/boards/BoardsListPage';
import { complaintsRoutes, publicComplaintsRoutes } from './features/complaints/routes';
import { HomePage } from './features/home/HomePage';
import { inclusionRoutes } from './features/inclusion/routes';
import { indicatorRoutes } from './features/indicators/routes';
import { programmeRoutes } from './features/programmes/routes';
import { syncRoutes } from './features/sync/routes';
import { keyPersonRoutes, publicKeyPersonRoutes } from './features/keypersons/routes';
import { GapsLanding } from './features/gaps/GapsLanding';
import { registryRoutes } from './app/registryRoutes';
import { SchoolCreatePage } from './features/schools/SchoolCreatePage';
import { SchoolDetailPage } from './features/schools/SchoolDetailPage';
import { SchoolEditPage } from './features/schools/SchoolEditPage';
import { SchoolsListPage } from './features/schools/SchoolsListPage';
import { UserCreatePage } from './features/users/UserCreatePage';
import { UserDetailPage } from './features/users/UserDetailPage';
import { UserEditPage } from './features/users/UserEditPage';
import { UsersListPage } from './features/users/UsersListPage';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  ...publicAccountRoutes,
  ...publicKeyPersonRoutes,
  ...publicComplaintsRoutes,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      {
        index: true,
        element: (
          <GapsLanding>
            <HomePage />
          </GapsLanding>
        ),
      },
      { path: 'boards', element: <BoardsListPage /> },
      { path: 'boards/new', element: <BoardCreatePage /> },
      { path: 'boards/:boardId', element: <BoardDetailPage /> },
      { path: 'boards/:boardId/edit', element: <BoardEditPage /> },
      { path: 'schools', element: <SchoolsListPage /> },
      { path: 'schools/new', element: <SchoolCreatePage /> },
      { path: 'schools/:schoolId', element: <SchoolDetailPage /> },
      { path: 'schools/:schoolId/edit', element: <SchoolEditPage /> },
      { path: 'audit', element: <AuditLogPage /> },
      { path: 'users', element: <UsersListPage /> },
      { path: 'users/new', element: <UserCreatePage /> },
      { path: 'users/:userId', element: <UserDetailPage /> },
      { path: 'users/:userId/edit', element: <UserEditPage /> },
      { path: 'api-clients', element: <ApiClientsListPage /> },
      { path: 'api-clients/new', element: <ApiClientCreatePage /> },
      ...accountRoutes,
      ...registryRoutes,
      ...keyPersonRoutes,
      ...complaintsRoutes,
      ...indicatorRoutes,
      ...areaRoutes,
      ...inclusionRoutes,
      ...programmeRoutes,
      ...syncRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
