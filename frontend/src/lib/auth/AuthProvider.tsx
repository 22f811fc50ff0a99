import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isProblemError, must, setCsrfToken } from '../../api/client';
import type { SessionInfo, User } from '../../api/types';
import { setProductToday } from '../clock';
import { PUBLIC_ACCOUNT_PATHS } from './accountPaths';
import { NO_ACCESS, type Access } from './access';

export const SESSION_KEY = ['auth', 'session'] as const;

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** What the user may do where (the session's `access`); null while nobody is logged in. */
  access: Access | null;
  /** True after the API answered 401 to a logged-in user: the session ran out. */
  expired: boolean;
  /** The account's two-factor login (null while nobody is logged in). */
  twoFactor: SessionInfo['twoFactor'] | null;
  /** With two-factor login on, `code` is the app's code (or a recovery code). */
  login: (email: string, password: string, code?: string) => Promise<User>;
  logout: () => Promise<void>;
  /** Asks for the session (called by `useAuth`; public pages never do). */
  need: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = must(await api.GET('/auth/session'));
    setCsrfToken(session.csrfToken);
    setProductToday(session.today);
    return session;
  } catch (error) {
    if (isProblemError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The public pages (route finder, who is who) are for anonymous visitors: no session there. */
export function isPublicPath(pathname: string): boolean {
  return pathname.startsWith('/openbaar/') || PUBLIC_ACCOUNT_PATHS.includes(pathname);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  // The session is asked for once a screen needs it (`useAuth`): a parent on a public page is not
  // greeted by a 401 in the console for a login they never had.
  const [needed, setNeeded] = useState(() => typeof window === 'undefined' || !isPublicPath(window.location.pathname));
  const need = useCallback(() => setNeeded(true), []);

  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
    enabled: needed,
  });

  // Any 401 from the API while logged in means the session is gone.
  useEffect(() => {
    const onUnauthorised = (error: unknown, key?: readonly unknown[]) => {
      if (!isProblemError(error) || error.status !== 401) return;
      if (key && key[0] === SESSION_KEY[0]) return;
      if (queryClient.getQueryData(SESSION_KEY)) {
        setCsrfToken(null);
        setExpired(true);
        queryClient.setQueryData(SESSION_KEY, null);
      }
    };
    const unsubQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        onUnauthorised(event.action.error, event.query.queryKey);
      }
    });
    const unsubMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') {
        onUnauthorised(event.action.error, event.mutation?.options.mutationKey);
      }
    });
    return () => {
      unsubQueries();
      unsubMutations();
    };
  }, [queryClient]);

  const loginMutation = useMutation({
    mutationKey: ['auth', 'login'],
    mutationFn: async ({ email, password, code }: { email: string; password: string; code?: string }) =>
      must(await api.POST('/auth/login', { body: code ? { email, password, code } : { email, password } })),
    onSuccess: (data) => {
      setCsrfToken(data.csrfToken);
      setProductToday(data.today);
      setExpired(false);
      // Start clean: nothing cached for a previous user may show.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, data);
    },
  });

  const logoutMutation = useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: async () => {
      try {
        await api.POST('/auth/logout');
      } catch (error) {
        // Already logged out on the server: fine.
        if (!(isProblemError(error) && error.status === 401)) throw error;
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      setExpired(false);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });

  const { mutateAsync: loginAsync } = loginMutation;
  const { mutateAsync: logoutAsync } = logoutMutation;

  const login = useCallback(
    async (email: string, password: string, code?: string) => (await loginAsync({ email, password, code })).user,
    [loginAsync],
  );
  const logout = useCallback(async () => {
    await logoutAsync();
  }, [logoutAsync]);

  const user = session.data?.user ?? null;
  // An answer without `access` (an older API) gives no capability rather than a broken screen.
  const access = user ? (session.data?.access ?? NO_ACCESS) : null;
  const status: AuthStatus = session.isPending ? 'loading' : user ? 'authenticated' : 'anonymous';
  const twoFactor = user ? (session.data?.twoFactor ?? null) : null;

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, access, twoFactor, expired, login, logout, need }),
    [status, user, access, twoFactor, expired, login, logout, need],
  );

  if (session.isError) {
    // The API could not be reached: let the user try again rather than show a login form.
    return (
      <AuthContext.Provider value={value}>
        <SessionError onRetry={() => void session.refetch()} />
      </AuthContext.Provider>
    );
  }

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function SessionError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="container narrow">
      <h1>{t('app.name')}</h1>
      <div className="alert alert-error" role="alert">
        <p>{t('errors.network')}</p>
      </div>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </main>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  const need = value.need;
  useEffect(() => need(), [need]);
  return value;
}

/** The logged-in user; only for use below <RequireAuth>. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser needs a logged-in user');
  return user;
}

/** What the logged-in user may do where (see `./access`); only for use below <RequireAuth>. */
export function useAccess(): Access {
  const { access } = useAuth();
  if (!access) throw new Error('useAccess needs a logged-in user');
  return access;
}
