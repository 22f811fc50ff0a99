import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { landsOnGaps } from '../../lib/auth/permissions';

const landedInMemory = new Set<string>();

function landingKey(user: User): string {
  return `spil.landed:${user.id}:${user.lastLoginAt ?? ''}`;
}

function hasLanded(key: string): boolean {
  try {
    return landedInMemory.has(key) || window.sessionStorage.getItem(key) === '1';
  } catch {
    return landedInMemory.has(key);
  }
}

function markLanded(key: string): void {
  landedInMemory.add(key);
  try {
    window.sessionStorage.setItem(key, '1');
  } catch {
    /* private mode: remembered for this page only */
  }
}

/**
 * The home route. School administrators and coordinators start on the gaps dashboard: the first
 * time they open the home page after logging in, they are sent on to it; later the home page shows.
 */
export function GapsLanding({ children }: { children: ReactNode }) {
  const user = useUser();
  const access = useAccess();
  const navigate = useNavigate();
  const key = landingKey(user);
  const redirect = landsOnGaps(access) && !hasLanded(key);

  useEffect(() => {
    if (!landsOnGaps(access) || hasLanded(key)) return;
    markLanded(key);
    navigate('/gaps', { replace: true });
  }, [access, key, navigate]);

  return redirect ? null : <>{children}</>;
}
