import type { RouteObject } from 'react-router';
import { AccountSettingsPage } from './AccountSettingsPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { InviteUserPage } from './InviteUserPage';
import { SetPasswordPage } from './SetPasswordPage';
import { TwoFactorSetupPage } from './TwoFactorSetupPage';
import { UnsubscribePage } from './UnsubscribePage';

export const publicAccountRoutes: RouteObject[] = [
  { path: '/wachtwoord-vergeten', element: <ForgotPasswordPage /> },
  { path: '/wachtwoord-instellen', element: <SetPasswordPage purpose="invitation" /> },
  { path: '/wachtwoord-herstellen', element: <SetPasswordPage purpose="reset" /> },
  { path: '/afmelden', element: <UnsubscribePage /> },
];

/** Below the logged-in layout. */
export const accountRoutes: RouteObject[] = [
  { path: 'account', element: <AccountSettingsPage /> },
  { path: 'account/two-factor', element: <TwoFactorSetupPage /> },
  { path: 'users/invite', element: <InviteUserPage /> },
];
