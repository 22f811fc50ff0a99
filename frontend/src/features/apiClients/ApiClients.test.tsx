import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClientCreated, ApiClientRecord, User } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { page, referenceLists } from '../users/fixtures';
import { ApiKeyPanel } from './ApiKeyPanel';

const KEY = 'spil_a1b2c3d4e5f6_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA';

function path(req: Request) {
  return new URL(req.url).pathname;
}

const active: ApiClientRecord = {
  id: 3,
  name: 'Leerlingadministratie',
  keyPrefix: 'a1b2c3d4e5f6',
  scopes: ['organisations:read', 'organisations:write'],
  boardId: 7,
  regionId: null,
  createdAt: '2026-01-10T09:00:00Z',
  revokedAt: null,
  lastUsedAt: '2026-02-01T08:30:00Z',
};
const revoked: ApiClientRecord = {
  ...active,
  id: 2,
  name: 'Oude koppeling',
  keyPrefix: '0f0f0f0f0f0f',
  scopes: ['audit:read'],
  revokedAt: '2026-01-20T12:00:00Z',
  lastUsedAt: null,
};

describe('the show-key-once panel', () => {
  it('shows the key with a warning, takes the focus and copies the key', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<ApiKeyPanel name="Leerlingadministratie" apiKey={KEY} onDone={onDone} />);

    const heading = screen.getByRole('heading', { level: 2, name: 'API-sleutel voor Leerlingadministratie' });
    expect(heading).toHaveFocus();
    const key = screen.getByLabelText('API-sleutel');
    expect(key).toHaveValue(KEY);
    expect(key).toHaveAttribute('readonly');
    expect(key).toHaveAccessibleDescription(/hij wordt niet nog een keer getoond/);
    expect(screen.getByText('Kopieer de sleutel nu: hij wordt niet nog een keer getoond.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Kopiëren' }));
    expect(await navigator.clipboard.readText()).toBe(KEY);
    expect(screen.getByRole('status')).toHaveTextContent('De sleutel is gekopieerd naar het klembord.');

    await user.click(screen.getByRole('button', { name: 'Ik heb de sleutel bewaard' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('tells the user to copy the key by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<ApiKeyPanel name="X" apiKey={KEY} onDone={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Kopiëren' }));
    expect(screen.getByRole('status')).toHaveTextContent('Kopiëren lukte niet. Selecteer de sleutel en kopieer hem zelf.');
    expect(screen.getByLabelText('API-sleutel')).toHaveFocus();
  });
});

describe('API clients', () => {
  it('lists active and revoked clients with their last use, and revokes after confirming', async () => {
    let clients = [active, revoked];
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/api-clients') return page(clients, { pageSize: 20 });
      if (p === '/api/v1/api-clients/3' && req.method === 'DELETE') {
        clients = [{ ...active, revokedAt: '2026-03-01T10:00:00Z' }, revoked];
        return new Response(null, { status: 204 });
      }
      return referenceLists(p) ?? page([]);
    });
    renderApp('/api-clients', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Koppelingen (API)' })).toBeInTheDocument();
    const rows = await screen.findAllByRole('row');
    const lla = rows.find((r) => r.textContent?.includes('Leerlingadministratie'))!;
    expect(lla).toHaveTextContent('spil_a1b2c3d4e5f6_…');
    expect(lla).toHaveTextContent('Actief');
    expect(lla).toHaveTextContent('Besturen en scholen bijwerken');
    await waitFor(() => expect(lla).toHaveTextContent('Bestuur: Stichting Spil Demo'));
    expect(within(lla).getAllByRole('time')).toHaveLength(2);
    const old = rows.find((r) => r.textContent?.includes('Oude koppeling'))!;
    expect(old).toHaveTextContent('Ingetrokken');
    expect(old).toHaveTextContent('Nog niet gebruikt');
    expect(within(old).queryByRole('button')).not.toBeInTheDocument();

    await userEvent.click(within(lla).getByRole('button', { name: 'Koppeling Leerlingadministratie intrekken' }));
    const confirm = within(lla).getByRole('group', { name: /De sleutel werkt daarna direct niet meer/ });
    expect(confirm).toHaveFocus();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, intrekken' }));

    const status = await screen.findByText('De koppeling Leerlingadministratie is ingetrokken. De sleutel werkt niet meer.');
    expect(status).toHaveAttribute('role', 'status');
    await waitFor(() => expect(status).toHaveFocus());
    const after = (await screen.findAllByRole('row')).find((r) => r.textContent?.includes('Leerlingadministratie'))!;
    expect(after).toHaveTextContent('Ingetrokken');
    expect(within(after).queryByRole('button')).not.toBeInTheDocument();
    const del = calls.find((c) => c.method === 'DELETE')!;
    expect(del.headers.get('X-CSRF-Token')).toBe('csrf-test');
  });

  it('creates a client, shows the key once, and forgets it when leaving', async () => {
    const created: ApiClientCreated = { ...active, id: 9, name: 'Gemeente', scopes: ['audit:read', 'organisations:read'], lastUsedAt: null, key: KEY };
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/api-clients' && req.method === 'POST') return json(created, { status: 201 });
      if (p === '/api/v1/api-clients') return page([{ ...created, key: undefined }], { pageSize: 20 });
      return referenceLists(p) ?? page([]);
    });
    const { router } = renderApp('/api-clients/new', { user: boardAdmin });
    // Nothing filled in: the errors show next to the fields.
    await userEvent.click(await screen.findByRole('button', { name: 'Koppeling aanmaken' }));
    expect(screen.getByLabelText(/^Naam/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('group', { name: /Rechten/ })).toHaveAccessibleDescription(/Kies minstens één recht\./);

    await userEvent.type(screen.getByLabelText(/^Naam/), 'Gemeente');
    // The only board the admin manages is chosen already.
    await waitFor(() => expect(screen.getByLabelText(/^Bestuur/)).toHaveValue('7'));
    await userEvent.click(screen.getByLabelText(/^Logboek lezen/));
    await userEvent.click(screen.getByLabelText(/^Besturen en scholen lezen/));
    await userEvent.click(screen.getByRole('button', { name: 'Koppeling aanmaken' }));

    const panel = await screen.findByTestId('api-key-panel');
    expect(within(panel).getByLabelText('API-sleutel')).toHaveValue(KEY);
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Koppeling aanmaken' })).not.toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({ name: 'Gemeente', scopes: ['organisations:read', 'audit:read'], boardId: 7 });

    await userEvent.click(screen.getByRole('button', { name: 'Ik heb de sleutel bewaard' }));
    expect(await screen.findByText('De koppeling Gemeente is aangemaakt.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/api-clients');
    expect(document.body).not.toHaveTextContent(KEY);

    // Going back does not bring the key back either.
    await router.navigate(-1);
    expect(await screen.findByRole('button', { name: 'Koppeling aanmaken' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(KEY);
  });

  it('lets platform admins bind a read-only client to a region', async () => {
    const admin: User = { ...boardAdmin, isPlatformAdmin: true, memberships: [] };
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/api-clients' && req.method === 'POST')
        return problem(400, 'A region-bound client can only read.', {
          invalidParams: [{ name: 'scopes', in: 'body', code: 'read-only', reason: 'Only read scopes.' }],
        });
      return referenceLists(p) ?? page([]);
    });
    renderApp('/api-clients/new', { user: admin });
    await userEvent.type(await screen.findByLabelText(/^Naam/), 'Regio');
    await userEvent.click(screen.getByLabelText(/^Besturen en scholen bijwerken/));
    await userEvent.click(screen.getByLabelText('Een regio (van elke soort)'));
    // Write scopes are not offered for a region, and the ticked one is dropped.
    expect(screen.queryByLabelText(/^Besturen en scholen bijwerken/)).not.toBeInTheDocument();
    await screen.findByRole('option', { name: 'GGD Kennemerland (GGD-KEN)' });
    await userEvent.selectOptions(screen.getByLabelText(/^Regio/), '2');
    await userEvent.click(screen.getByLabelText(/^Besturen en scholen lezen/));
    await userEvent.click(screen.getByRole('button', { name: 'Koppeling aanmaken' }));
    await waitFor(() => expect(screen.getByLabelText(/^Besturen en scholen lezen/)).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('group', { name: /Rechten/ })).toHaveAccessibleDescription(/Een koppeling aan een regio of gemeente kan alleen lezen\./);
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({ name: 'Regio', scopes: ['organisations:read'], regionId: 2 });
  });

  it('lets platform admins bind a read-only client to a municipality', async () => {
    const admin: User = { ...boardAdmin, isPlatformAdmin: true, memberships: [] };
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/api-clients' && req.method === 'POST') return new Response(JSON.stringify({}), { status: 500 });
      return referenceLists(p) ?? page([]);
    });
    renderApp('/api-clients/new', { user: admin });
    await userEvent.type(await screen.findByLabelText(/^Naam/), 'Gemeente Haarlem');
    await userEvent.click(screen.getByLabelText('Een gemeente'));
    await screen.findByRole('option', { name: 'Haarlem (GM0392)' });
    await userEvent.selectOptions(screen.getByLabelText(/^Gemeente/), '392');
    await userEvent.click(screen.getByLabelText(/^Besturen en scholen lezen/));
    await userEvent.click(screen.getByRole('button', { name: 'Koppeling aanmaken' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      name: 'Gemeente Haarlem',
      scopes: ['organisations:read'],
      municipalityId: 392,
    });
  });
});
