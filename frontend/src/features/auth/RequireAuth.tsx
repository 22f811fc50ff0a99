import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../lib/auth/AuthProvider';
import { Loading } from '../../components/Loading';

export interface LoginRedirectState {
  from?: string;
}

/** Shows its children to a logged-in user; sends anyone else to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading fullPage />;
  if (status === 'anonymous') {
    const state: LoginRedirectState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}
