import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { SessionInfo, User } from '../api/types';
import type { Access } from '../lib/auth/access';
import { AuthProvider, SESSION_KEY } from '../lib/auth/AuthProvider';
import { createQueryClient } from '../lib/queryClient';
import { routes } from '../routes';
import { today } from '../lib/clock';
import { setCsrfToken } from '../api/client';
import { accessFor } from './access';

export { accessFor } from './access';

export const boardAdmin: User = {
  id: 1,
  email: 'bestuur@demo.spil.nl',
  name: 'Bea Bestuur',
  isPlatformAdmin: false,
  isActive: true,
  memberships: [
    { id: 10, role: 'board-admin', scopeType: 'board', boardId: 7, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
  ],
};

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces fetch; every request is recorded and answered by the handler. */
export function mockFetch(handler: Handler) {
  const calls: Request[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    calls.push(request.clone());
    return handler(request);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

/** A session as the API answers it; `access` defaults to what the user's memberships give. */
export function sessionFor(user: User, access: Access = accessFor(user)): SessionInfo {
  return {
    user,
    access,
    csrfToken: 'csrf-test',
    today: today(),
    twoFactor: { enabled: false, required: false, setupRequired: false },
  };
}

/**
 * Renders the app's routes at `path`, optionally as a logged-in user (no session request). The
 * session's `access` is `options.access`, or else derived from the user's memberships.
 */
export function renderApp(
  path: string,
  options: { user?: User | null; access?: Access; queryClient?: QueryClient } = {},
) {
  const queryClient = options.queryClient ?? createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  if (options.user !== undefined) {
    const session: SessionInfo | null = options.user ? sessionFor(options.user, options.access) : null;
    queryClient.setQueryData(SESSION_KEY, session);
    setCsrfToken(session?.csrfToken);
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

/**
 * A page's link in the main menu, its section opened first: the menu groups the pages in
 * sections, and a section with more than one page shows its links when its button is pressed.
 */
export async function menuLink(name: string | RegExp): Promise<HTMLElement> {
  const nav = await screen.findByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
  const link = within(nav).getByRole('link', { name, hidden: true });
  const section = link.closest<HTMLElement>('li.nav-section');
  const button = section?.querySelector<HTMLButtonElement>('button[aria-expanded="false"]');
  if (button) await userEvent.click(button);
  return within(nav).getByRole('link', { name });
}
