import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { BoardCreatePage } from './features/boards/BoardCreatePage';
import { BoardDetailPage } from './features/boards/BoardDetailPage';
import { BoardEditPage } from './features/boards/BoardEditPage';
import { BoardsListPage } from './features/boards/BoardsListPage';
import { HomePage } from './features/home/HomePage';
import { SchoolCreatePage } from './features/schools/SchoolCreatePage';
import { SchoolDetailPage } from './features/schools/SchoolDetailPage';
import { SchoolEditPage } from './features/schools/SchoolEditPage';
import { SchoolsListPage } from './features/schools/SchoolsListPage';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'boards', element: <BoardsListPage /> },
      { path: 'boards/new', element: <BoardCreatePage /> },
      { path: 'boards/:boardId', element: <BoardDetailPage /> },
      { path: 'boards/:boardId/edit', element: <BoardEditPage /> },
      { path: 'schools', element: <SchoolsListPage /> },
      { path: 'schools/new', element: <SchoolCreatePage /> },
      { path: 'schools/:schoolId', element: <SchoolDetailPage /> },
      { path: 'schools/:schoolId/edit', element: <SchoolEditPage /> },
      { path: 'audit', element: <AuditLogPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
