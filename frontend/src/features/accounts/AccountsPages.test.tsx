import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardAdmin, json, mockFetch, problem, renderApp, sessionFor } from '../../test/utils';

function path(req: Request) {
  return new URL(req.url).pathname;
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

afterEach(() => vi.restoreAllMocks());

/** Renders a public page as a browser opens it from a mail: that page's address, no session. */
function renderPublic(url: string) {
  const before = window.location.pathname;
  window.history.replaceState(null, '', url.split(/[?#]/)[0]);
  const result = renderApp(url);
  window.history.replaceState(null, '', before);
  return result;
}

describe('forgotten password', () => {
  it('asks for a link without asking for a session and shows the same answer for any address', async () => {
    const { calls } = mockFetch((req) =>
      path(req) === '/api/v1/auth/password-reset'
        ? json({ detail: 'Als er een account met dit e-mailadres is, komt er een mail.' }, { status: 202 })
        : problem(401, 'no'),
    );
    renderPublic('/wachtwoord-vergeten');
    await userEvent.type(await screen.findByLabelText(/E-mailadres/), 'iemand@school.nl');
    await userEvent.click(screen.getByRole('button', { name: 'Stuur de link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Als er een account met dit e-mailadres is');
    expect(calls.some((c) => path(c) === '/api/v1/auth/session')).toBe(false);
    expect(await calls.find((c) => path(c) === '/api/v1/auth/password-reset')!.json()).toEqual({ email: 'iemand@school.nl' });
  });

  it('the login page links to it', async () => {
    mockFetch(() => problem(401, 'Log in first.'));
    renderApp('/login', { user: null });
    expect(await screen.findByRole('link', { name: 'Wachtwoord vergeten?' })).toHaveAttribute('href', '/wachtwoord-vergeten');
  });
});

describe('setting a password from a mailed link', () => {
  it('sends the token from the fragment and the password, then offers to log in', async () => {
    const { calls } = mockFetch((req) => (path(req) === '/api/v1/auth/new-password' ? new Response(null, { status: 204 }) : problem(401, 'no')));
    renderPublic(`/wachtwoord-instellen#token=${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kies uw wachtwoord' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Wachtwoord/), 'een lange zin als wachtwoord');
    await userEvent.type(screen.getByLabelText(/Herhaal het wachtwoord/), 'een lange zin als wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Uw wachtwoord is opgeslagen');
    expect(await calls.find((c) => path(c) === '/api/v1/auth/new-password')!.json()).toEqual({
      token: TOKEN,
      password: 'een lange zin als wachtwoord',
    });
    expect(calls.some((c) => path(c) === '/api/v1/auth/session')).toBe(false);
  });

  it('checks length and repetition before sending', async () => {
    const { calls } = mockFetch(() => problem(401, 'no'));
    renderPublic(`/wachtwoord-herstellen#token=${TOKEN}`);
    await userEvent.type(await screen.findByLabelText(/^Wachtwoord/), 'kort');
    await userEvent.type(screen.getByLabelText(/Herhaal het wachtwoord/), 'anders');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText('Gebruik minstens 10 tekens.')).toBeInTheDocument();
    expect(screen.getByText('De twee wachtwoorden zijn niet gelijk.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('explains a used or expired link', async () => {
    mockFetch(() => problem(400, 'This link has been used or has expired.', { type: 'urn:spil:problem:invalid-link' }));
    renderPublic(`/wachtwoord-herstellen#token=${TOKEN}`);
    await userEvent.type(await screen.findByLabelText(/^Wachtwoord/), 'een lange zin als wachtwoord');
    await userEvent.type(screen.getByLabelText(/Herhaal het wachtwoord/), 'een lange zin als wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze link is al gebruikt of verlopen.');
    expect(screen.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toBeInTheDocument();
  });
});

describe('two-step login', () => {
  it('asks for the code after the password and sends all three', async () => {
    let attempts = 0;
    const { calls } = mockFetch((req) => {
      if (path(req) === '/api/v1/auth/session') return problem(401, 'Log in first.');
      if (path(req) === '/api/v1/auth/login') {
        attempts += 1;
        return attempts === 1
          ? problem(401, 'Enter the code from your authenticator app.', { type: 'urn:spil:problem:second-factor-required' })
          : json(sessionFor(boardAdmin));
      }
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText('E-mailadres'), 'bestuur@demo.spil.nl');
    await userEvent.type(screen.getByLabelText('Wachtwoord'), 'spil-demo');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await userEvent.type(await screen.findByLabelText('Code uit uw authenticator-app'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(screen.getByTestId('user-name')).toHaveTextContent('Bea Bestuur'));
    const logins = calls.filter((c) => path(c) === '/api/v1/auth/login');
    expect(await logins[1]!.json()).toEqual({ email: 'bestuur@demo.spil.nl', password: 'spil-demo', code: '123456' });
  });

  it('sends an administrator who must set it up to the set-up, with the QR code and the recovery codes', async () => {
    const session = { ...sessionFor(boardAdmin), twoFactor: { enabled: false, required: true, setupRequired: true } };
    const { calls } = mockFetch((req) => {
      switch (path(req)) {
        case '/api/v1/auth/session':
          return json(session);
        case '/api/v1/auth/two-factor/secret':
          return json({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Spil:bestuur%40demo.spil.nl?secret=JBSWY3DPEHPK3PXP&issuer=Spil' });
        case '/api/v1/auth/two-factor/activation':
          return json({ recoveryCodes: ['abcde-12345', 'fghij-67890'] });
        default:
          return json({ items: [], total: 0, page: 1, pageSize: 100 });
      }
    });
    const { router } = renderApp('/schools');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen in twee stappen instellen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/two-factor');
    expect(screen.getByRole('status')).toHaveTextContent('Uw rol vraagt om inloggen in twee stappen');
    await userEvent.click(screen.getByRole('button', { name: 'Begin' }));
    const qr = await screen.findByRole('img', { name: 'QR-code om in de authenticator-app te scannen' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    await userEvent.type(screen.getByLabelText(/Code uit de app/), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('abcde-12345')).toBeInTheDocument();
    expect(await calls.find((c) => path(c) === '/api/v1/auth/two-factor/activation')!.json()).toEqual({ code: '654321' });
  });
});

describe('my account', () => {
  it('switches a kind of reminder off', async () => {
    let enabled = true;
    const { calls } = mockFetch((req) => {
      if (path(req) === '/api/v1/reminder-settings') {
        if (req.method === 'PUT') enabled = false;
        return json({
          email: 'bestuur@demo.spil.nl',
          settings: [
            { kind: 'school-gaps', enabled: true },
            { kind: 'weekly-summary', enabled },
          ],
        });
      }
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderApp('/account', { user: boardAdmin });
    const box = await screen.findByLabelText('het wekelijkse overzicht van het bestuur');
    expect(box).toBeChecked();
    expect(screen.getByText(/Inloggen in twee stappen staat uit/)).toBeInTheDocument();
    await userEvent.click(box);
    await waitFor(() => expect(screen.getByLabelText('het wekelijkse overzicht van het bestuur')).not.toBeChecked());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(await put.json()).toEqual({ settings: [{ kind: 'weekly-summary', enabled: false }] });
  });

  it('the unsubscribe link works without a session, after a click', async () => {
    const { calls } = mockFetch((req) => (path(req) === '/api/v1/reminder-unsubscriptions' ? new Response(null, { status: 204 }) : problem(401, 'no')));
    renderPublic('/afmelden?email=bestuur%40demo.spil.nl&kind=weekly-summary&signature=0123456789abcdef0123456789abcdef');
    expect(await screen.findByText(/geen herinneringen meer over 'het wekelijkse overzicht van het bestuur'/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Afmelden' }));
    expect(await screen.findByRole('status')).toHaveTextContent('U krijgt geen herinneringen meer');
    expect(await calls[0]!.json()).toEqual({
      email: 'bestuur@demo.spil.nl',
      kind: 'weekly-summary',
      signature: '0123456789abcdef0123456789abcdef',
    });
  });
});

describe('invitations', () => {
  const invited = { ...boardAdmin, id: 5, email: 'nieuw@demo.spil.nl', name: 'Nieuwe Collega', invitedAt: '2026-12-07T10:00:00Z', memberships: [] };

  it('invites a colleague without a password (a platform administrator needs give no role)', async () => {
    const { calls } = mockFetch((req) => {
      if (path(req) === '/api/v1/invitations') return json(invited, { status: 201 });
      if (path(req) === '/api/v1/users/5') return json(invited, { headers: { ETag: '"1"' } });
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderApp('/users/invite', { user: { ...boardAdmin, isPlatformAdmin: true, memberships: [] } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Collega uitnodigen' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/wachtwoord/i)).toBeNull();
    await userEvent.type(screen.getByLabelText(/E-mailadres/), 'nieuw@demo.spil.nl');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'Nieuwe Collega');
    await userEvent.selectOptions(screen.getByLabelText(/Taal van de mails/), 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging versturen' }));
    await waitFor(() => expect(calls.some((c) => path(c) === '/api/v1/invitations')).toBe(true));
    const body = await calls.find((c) => path(c) === '/api/v1/invitations')!.json();
    expect(body).toMatchObject({ email: 'nieuw@demo.spil.nl', name: 'Nieuwe Collega', language: 'en', memberships: [] });
    expect(body).not.toHaveProperty('password');
  });

  it('resends or withdraws an open invitation on the colleague page', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = mockFetch((req) => {
      if (path(req) === '/api/v1/users/5/invitations' && req.method === 'POST') return json(invited);
      if (path(req) === '/api/v1/users/5/invitations' && req.method === 'DELETE') return new Response(null, { status: 204 });
      if (path(req) === '/api/v1/users/5') return json(invited, { headers: { ETag: '"1"' } });
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    const { router } = renderApp('/users/5', { user: boardAdmin });
    expect(await screen.findByText(/Uitgenodigd: deze collega heeft nog geen wachtwoord gekozen/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging opnieuw versturen' }));
    expect(await screen.findByText(/Er is een nieuwe uitnodiging verstuurd/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Uitnodiging intrekken' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/users'));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
