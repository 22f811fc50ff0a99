import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getCsrfToken } from '../../api/client';
import { boardAdmin, json, mockFetch, problem, renderApp, sessionFor } from '../../test/utils';

function path(req: Request) {
  return new URL(req.url).pathname;
}

describe('login page', () => {
  it('sends an anonymous visitor to the login form', async () => {
    mockFetch((req) => (path(req) === '/api/v1/auth/session' ? problem(401, 'Log in first.') : problem(404, 'nope')));
    renderApp('/boards');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadres')).toBeInTheDocument();
    expect(screen.getByLabelText('Wachtwoord')).toHaveAttribute('type', 'password');
  });

  it('asks for both fields before calling the API', async () => {
    const { calls } = mockFetch(() => problem(401, 'Log in first.'));
    renderApp('/login', { user: null });
    await userEvent.click(await screen.findByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vul uw e-mailadres en wachtwoord in.');
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => path(c) === '/api/v1/auth/login')).toHaveLength(0);
  });

  it('shows wrong credentials from a 401', async () => {
    mockFetch((req) => (path(req) === '/api/v1/auth/login' ? problem(401, 'Wrong e-mail address or password.') : problem(401, 'x')));
    renderApp('/login', { user: null });
    await userEvent.type(await screen.findByLabelText('E-mailadres'), 'bestuur@demo.spil.nl');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het e-mailadres of wachtwoord is onjuist.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveValue('');
  });

  it('shows "too many attempts" for a 429', async () => {
    mockFetch((req) => (path(req) === '/api/v1/auth/login' ? problem(429, 'Rate limit exceeded: 10 per 1 minute') : problem(401, 'x')));
    renderApp('/login', { user: null });
    await userEvent.type(await screen.findByLabelText('E-mailadres'), 'bestuur@demo.spil.nl');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'again');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Te veel inlogpogingen');
  });

  it('shows the problem detail of other errors', async () => {
    mockFetch((req) => (path(req) === '/api/v1/auth/login' ? problem(403, 'This account is blocked.') : problem(401, 'x')));
    renderApp('/login', { user: null });
    await userEvent.type(await screen.findByLabelText('E-mailadres'), 'bestuur@demo.spil.nl');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This account is blocked.');
  });

  it('logs in, keeps the CSRF token in memory and returns to the page asked for', async () => {
    const { calls } = mockFetch((req) => {
      switch (path(req)) {
        case '/api/v1/auth/session':
          return problem(401, 'Log in first.');
        case '/api/v1/auth/login':
          return json({ ...sessionFor(boardAdmin), csrfToken: 'csrf-abc' });
        default:
          return json({ items: [], total: 0, page: 1, pageSize: 100 });
      }
    });
    const { router } = renderApp('/schools');
    await userEvent.type(await screen.findByLabelText('E-mailadres'), 'bestuur@demo.spil.nl');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'spil-demo');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Scholen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/schools');
    expect(screen.getByTestId('user-name')).toHaveTextContent('Bea Bestuur');
    expect(getCsrfToken()).toBe('csrf-abc');
    const login = calls.find((c) => path(c) === '/api/v1/auth/login')!;
    expect(await login.json()).toEqual({ email: 'bestuur@demo.spil.nl', password: 'spil-demo' });
  });

  it('logs out with the CSRF token and shows the login page', async () => {
    const { calls } = mockFetch((req) => (path(req) === '/api/v1/auth/logout' ? new Response(null, { status: 204 }) : json({ items: [], total: 0, page: 1, pageSize: 20 })));
    renderApp('/', { user: boardAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    const logout = calls.find((c) => path(c) === '/api/v1/auth/logout')!;
    expect(logout.method).toBe('POST');
    expect(logout.headers.get('X-CSRF-Token')).toBe('csrf-test');
    await waitFor(() => expect(getCsrfToken()).toBeNull());
  });
});
