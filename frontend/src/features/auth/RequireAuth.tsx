import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../lib/auth/AuthProvider';
import { Loading } from '../../components/Loading';

const TWO_FACTOR_SETUP = '/account/two-factor';

export interface LoginRedirectState {
  from?: string;
}

/** Shows its children to a logged-in user; sends anyone else to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, twoFactor } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading fullPage />;
  if (status === 'anonymous') {
    const state: LoginRedirectState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  // An administrator who must set up two-factor login can do nothing else until then.
  if (twoFactor?.setupRequired && location.pathname !== TWO_FACTOR_SETUP) {
    return <Navigate to={TWO_FACTOR_SETUP} replace />;
  }
  return <>{children}</>;
}
