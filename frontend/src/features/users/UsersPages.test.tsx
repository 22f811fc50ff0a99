import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User, UserAccount } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { coordinator, page, referenceLists, retired } from './fixtures';

const platformAdmin: User = { ...boardAdmin, id: 2, email: 'admin@demo.spil.nl', name: 'Anna Platform', isPlatformAdmin: true, memberships: [] };

function path(req: Request) {
  return new URL(req.url).pathname;
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

describe('users list', () => {
  it('lists the accounts with their status and roles, and searches and pages through them', async () => {
    const { calls } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/users') {
        const q = url.searchParams.get('q');
        if (q) return page([coordinator], { pageSize: 20 });
        return page([coordinator, retired], { pageSize: 20, total: 45, page: Number(url.searchParams.get('page') ?? 1) });
      }
      return page([]);
    });
    const { router } = renderApp('/users', { user: boardAdmin });

    expect(await screen.findByRole('heading', { level: 1, name: 'Gebruikers' })).toBeInTheDocument();
    const rows = await screen.findAllByRole('row');
    const cees = rows.find((r) => r.textContent?.includes('Cees Coördinator'))!;
    expect(within(cees).getByRole('link', { name: 'Cees Coördinator' })).toHaveAttribute('href', '/users/21');
    expect(within(cees).getByText('Actief')).toBeInTheDocument();
    expect(cees).toHaveTextContent('Coördinator · Basisschool De Regenboog');
    const old = rows.find((r) => r.textContent?.includes('Oud Account'))!;
    expect(within(old).getByText('Inactief')).toBeInTheDocument();
    // Three roles shown, the fourth counted.
    expect(old).toHaveTextContent('en nog 1 rol');
    expect(screen.getByText('45 resultaten')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nieuwe gebruiker' })).toHaveAttribute('href', '/users/new');

    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    await waitFor(() => expect(new URL(calls.at(-1)!.url).searchParams.get('page')).toBe('2'));

    await userEvent.type(screen.getByLabelText('Zoek op naam of e-mailadres'), 'cees');
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.getByText('1 resultaat')).toBeInTheDocument());
    const last = new URL(calls.filter((c) => path(c) === '/api/v1/users').at(-1)!.url);
    expect(last.searchParams.get('q')).toBe('cees');
    expect(last.searchParams.get('page')).toBe('1');
    expect(last.searchParams.get('sort')).toBe('name');
  });

  it('is not offered to school staff, in the navigation or at its address', async () => {
    const staff: User = {
      ...boardAdmin,
      memberships: [{ id: 3, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'OBS De Spil' }],
    };
    const { calls } = mockFetch(() => page([]));
    renderApp('/users', { user: staff });
    expect(await screen.findByRole('alert')).toHaveTextContent('U heeft geen toestemming');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(nav).not.toHaveTextContent('Gebruikers');
    expect(nav).not.toHaveTextContent('Koppelingen (API)');
    expect(calls.filter((c) => path(c) === '/api/v1/users')).toHaveLength(0);
  });
});

describe('new user form', () => {
  it('offers only the scopes that fit the chosen role, and explains the rule', async () => {
    mockFetch((req) => referenceLists(path(req)) ?? page([]));
    renderApp('/users/new', { user: boardAdmin });
    const role = await screen.findByLabelText('Rol (verplicht)');
    const scope = screen.getByLabelText('Bij (verplicht)');
    expect(role).toHaveAccessibleDescription(/bestuursbeheerder bij een bestuur, een schoolbeheerder bij een school/);
    // A board admin cannot give region roles.
    expect(optionLabels(role)).not.toContain('Regionaal aanspreekpunt (bij arbeidsmarktregio)');
    expect(optionLabels(role)).toContain('Coördinator (bij bestuur of school)');
    await screen.findByRole('option', { name: 'Basisschool De Regenboog' });
    // Only the board and schools of the board they administer.
    expect(optionLabels(scope)).not.toContain('Het Andere Lyceum');

    await userEvent.selectOptions(role, 'school-admin');
    expect(optionLabels(scope)).toEqual(['Kies waar de rol geldt', 'OBS De Spil', 'Basisschool De Regenboog']);
    expect(scope).toHaveAccessibleDescription('De rol Schoolbeheerder geeft u bij een school; alleen die staan in de lijst.');
    await userEvent.selectOptions(scope, 'school:5');

    // The school no longer fits a board admin; the only board is chosen instead.
    await userEvent.selectOptions(role, 'board-admin');
    expect(optionLabels(scope)).toEqual(['Kies waar de rol geldt', 'Stichting Spil Demo']);
    expect(scope).toHaveValue('board:7');

    await userEvent.selectOptions(role, 'coordinator');
    expect(within(scope).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Bestuur', 'School']);
  });

  it('checks the fields before calling the API', async () => {
    const { calls } = mockFetch((req) => referenceLists(path(req)) ?? page([]));
    renderApp('/users/new', { user: boardAdmin });
    await userEvent.type(await screen.findByLabelText(/^Eerste wachtwoord/), 'kort');
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het formulier bevat fouten');
    expect(screen.getByLabelText(/^E-mailadres/)).toHaveAccessibleDescription(/Dit veld is verplicht/);
    expect(screen.getByLabelText(/^Eerste wachtwoord/)).toHaveAccessibleDescription(/minstens 10 tekens lang/);
    expect(screen.getByLabelText('Rol (verplicht)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Rol (verplicht)')).toHaveAccessibleDescription(/^Kies een rol\./);
    expect(screen.getByLabelText('Bij (verplicht)')).toHaveAccessibleDescription(/^Kies waar de rol geldt\./);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('creates the user with one role and opens the new account', async () => {
    const created: UserAccount = { ...coordinator, id: 40, email: 'nieuw@demo.spil.nl', name: 'Nina Nieuw' };
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/users' && req.method === 'POST') return json(created, { status: 201, headers: { ETag: '"1"' } });
      if (p === '/api/v1/users/40') return json(created, { headers: { ETag: '"1"' } });
      return referenceLists(p) ?? page([]);
    });
    const { router } = renderApp('/users/new', { user: boardAdmin });
    await userEvent.type(await screen.findByLabelText(/^E-mailadres/), ' nieuw@demo.spil.nl ');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'Nina Nieuw');
    await userEvent.type(screen.getByLabelText(/^Eerste wachtwoord/), 'een-lang-wachtwoord');
    await userEvent.selectOptions(screen.getByLabelText('Rol (verplicht)'), 'coordinator');
    await screen.findByRole('option', { name: 'Basisschool De Regenboog' });
    await userEvent.selectOptions(screen.getByLabelText('Bij (verplicht)'), 'school:5');
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Nina Nieuw' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users/40');
    expect(screen.getByText('De gebruiker is aangemaakt.')).toHaveAttribute('role', 'status');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await post.json()).toEqual({
      email: 'nieuw@demo.spil.nl',
      name: 'Nina Nieuw',
      password: 'een-lang-wachtwoord',
      memberships: [{ role: 'coordinator', schoolId: 5 }],
    });
  });

  it('shows the API\'s errors next to the fields: a role at the wrong level, a duplicate e-mail', async () => {
    let answer: Response = problem(400, "The role 'coordinator' is given at board or school level, not at region level.", {
      invalidParams: [{ name: 'role', in: 'body', code: 'role-scope-mismatch', reason: 'Wrong level.' }],
    });
    mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/users' && req.method === 'POST') return answer;
      return referenceLists(p) ?? page([]);
    });
    renderApp('/users/new', { user: boardAdmin });
    await userEvent.type(await screen.findByLabelText(/^E-mailadres/), 'cees@demo.spil.nl');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'Cees');
    await userEvent.type(screen.getByLabelText(/^Eerste wachtwoord/), 'een-lang-wachtwoord');
    await userEvent.selectOptions(screen.getByLabelText('Rol (verplicht)'), 'viewer');
    await screen.findByRole('option', { name: 'OBS De Spil' });
    await userEvent.selectOptions(screen.getByLabelText('Bij (verplicht)'), 'school:4');
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));

    const role = screen.getByLabelText('Rol (verplicht)');
    await waitFor(() => expect(role).toHaveAttribute('aria-invalid', 'true'));
    expect(role).toHaveAccessibleDescription(/Deze rol kan niet op dit niveau worden gegeven\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Het formulier bevat fouten');

    answer = problem(409, "There already is an account with email 'cees@demo.spil.nl'.", {
      invalidParams: [{ name: 'email', in: 'body', code: 'duplicate', reason: 'Already in use.' }],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    const email = screen.getByLabelText(/^E-mailadres/);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/Deze waarde is al in gebruik\./);
    expect(screen.getByLabelText('Rol (verplicht)')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent("There already is an account with email 'cees@demo.spil.nl'.");
  });

  it('maps errors on the nested membership to the scope field', async () => {
    mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/users' && req.method === 'POST')
        return problem(400, 'The request has invalid fields: memberships.0.schoolId.', {
          invalidParams: [{ name: 'memberships.0.schoolId', in: 'body', code: 'unknown-reference', reason: 'Unknown id.' }],
        });
      return referenceLists(p) ?? page([]);
    });
    renderApp('/users/new', { user: boardAdmin });
    await userEvent.type(await screen.findByLabelText(/^E-mailadres/), 'x@demo.spil.nl');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'X');
    await userEvent.type(screen.getByLabelText(/^Eerste wachtwoord/), 'een-lang-wachtwoord');
    await userEvent.selectOptions(screen.getByLabelText('Rol (verplicht)'), 'school-admin');
    await screen.findByRole('option', { name: 'OBS De Spil' });
    await userEvent.selectOptions(screen.getByLabelText('Bij (verplicht)'), 'school:4');
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    const scope = screen.getByLabelText('Bij (verplicht)');
    await waitFor(() => expect(scope).toHaveAttribute('aria-invalid', 'true'));
    expect(scope).toHaveAccessibleDescription(/Deze keuze bestaat niet \(meer\) of valt buiten uw bereik\./);
  });
});

describe('roles at a municipality or a region (platform administrator)', () => {
  it('gives a municipal contact point a municipality found by searching the list of today\'s municipalities', async () => {
    const created: UserAccount = { ...coordinator, id: 41, email: 'lea@haarlem.nl', name: 'Lea Haarlem', memberships: [] };
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/users' && req.method === 'POST') return json(created, { status: 201, headers: { ETag: '"1"' } });
      if (p === '/api/v1/users/41') return json(created, { headers: { ETag: '"1"' } });
      return referenceLists(p) ?? page([]);
    });
    renderApp('/users/new', { user: platformAdmin });
    const role = await screen.findByLabelText('Rol');
    expect(optionLabels(role)).toContain('Gemeentelijk aanspreekpunt (bij gemeente)');
    expect(optionLabels(role)).toContain('Regionaal aanspreekpunt (bij regio)');

    await userEvent.selectOptions(role, 'municipality-contact');
    const scope = screen.getByLabelText('Bij');
    await waitFor(() => expect(optionLabels(scope)).toHaveLength(33));
    expect(within(scope).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Gemeente']);
    // The municipalities of today only.
    const listed = calls.find((c) => path(c) === '/api/v1/municipalities')!;
    expect(new URL(listed.url).searchParams.get('current')).toBe('true');

    const search = screen.getByLabelText('Zoek in de lijst');
    await userEvent.type(search, 'haarlem{Enter}');
    expect(optionLabels(scope)).toEqual(['Kies waar de rol geldt', 'Haarlem (Noord-Holland)', 'Haarlemmermeer (Noord-Holland)']);
    expect(screen.getByText('2 keuzes gevonden')).toBeInTheDocument();
    await userEvent.selectOptions(scope, 'municipality:392');
    // Narrowing further keeps the choice.
    await userEvent.clear(search);
    await userEvent.type(search, 'meer');
    expect(optionLabels(scope)).toEqual(['Kies waar de rol geldt', 'Haarlem (Noord-Holland)', 'Haarlemmermeer (Noord-Holland)']);
    expect(scope).toHaveValue('municipality:392');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/^E-mailadres/), 'lea@haarlem.nl');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'Lea Haarlem');
    await userEvent.type(screen.getByLabelText(/^Eerste wachtwoord/), 'een-lang-wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lea Haarlem' })).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toMatchObject({ memberships: [{ role: 'municipality-contact', municipalityId: 392 }] });
  });

  it('offers regions of every kind to a regional contact point, named with their kind', async () => {
    mockFetch((req) => referenceLists(path(req)) ?? page([]));
    renderApp('/users/new', { user: platformAdmin });
    await userEvent.selectOptions(await screen.findByLabelText('Rol'), 'region-contact');
    const scope = screen.getByLabelText('Bij');
    await waitFor(() =>
      expect(optionLabels(scope)).toEqual(['Kies waar de rol geldt', 'Groot Amsterdam (Arbeidsmarktregio)', 'GGD Kennemerland (GGD-regio)']),
    );
    expect(screen.queryByLabelText('Zoek in de lijst')).not.toBeInTheDocument();
  });
});

describe('user detail', () => {
  it('adds a role and removes one after confirming', async () => {
    let current: UserAccount = { ...coordinator };
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/users/21' && req.method === 'GET') return json(current, { headers: { ETag: '"3"' } });
      if (p === '/api/v1/users/21/memberships' && req.method === 'POST') {
        const body = (await req.json()) as { role: 'viewer'; boardId: number };
        current = {
          ...current,
          memberships: [
            ...current.memberships!,
            { id: 50, role: body.role, scopeType: 'board', boardId: body.boardId, schoolId: null, regionId: null, scopeName: 'Stichting Spil Demo' },
          ],
        };
        return json(current, { status: 201 });
      }
      if (p === '/api/v1/users/21/memberships/50' && req.method === 'DELETE') {
        current = { ...current, memberships: current.memberships!.filter((m) => m.id !== 50) };
        return new Response(null, { status: 204 });
      }
      return referenceLists(p) ?? page([]);
    });
    renderApp('/users/21', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Cees Coördinator' })).toBeInTheDocument();
    expect(screen.getByText('Nog nooit')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Rol (verplicht)'), 'viewer');
    await screen.findByRole('option', { name: 'Stichting Spil Demo' });
    await userEvent.selectOptions(screen.getByLabelText('Bij (verplicht)'), 'board:7');
    await userEvent.click(screen.getByRole('button', { name: 'Rol toevoegen' }));
    expect(await screen.findByText('De rol is toegevoegd.')).toHaveAttribute('role', 'status');
    const row = (await screen.findAllByRole('row')).find((r) => r.textContent?.includes('Meelezer'))!;
    expect(row).toHaveTextContent('Stichting Spil Demo');
    expect(screen.getByLabelText('Rol (verplicht)')).toHaveValue('');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({ role: 'viewer', boardId: 7 });

    // Removing asks first; cancelling keeps the role and returns focus to the button.
    const remove = within(row).getByRole('button', { name: 'Rol Meelezer bij Stichting Spil Demo verwijderen' });
    await userEvent.click(remove);
    const confirm = within(row).getByRole('group', { name: /Rol Meelezer bij Stichting Spil Demo van Cees Coördinator verwijderen\?/ });
    expect(confirm).toHaveFocus();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Annuleren' }));
    expect(within(row).getByRole('button', { name: /verwijderen$/ })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await userEvent.click(within(row).getByRole('button', { name: /verwijderen$/ }));
    await userEvent.click(within(row).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByText('De rol is verwijderd.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Meelezer')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'Rollen' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('does not offer to remove roles outside the boards the admin manages', async () => {
    const other: UserAccount = {
      ...coordinator,
      memberships: [
        { id: 60, role: 'viewer', scopeType: 'school', boardId: null, schoolId: 9, regionId: null, scopeName: 'Het Andere Lyceum' },
        { id: 61, role: 'viewer', scopeType: 'school', boardId: null, schoolId: 4, regionId: null, scopeName: 'OBS De Spil' },
      ],
    };
    mockFetch((req) => (path(req) === '/api/v1/users/21' ? json(other, { headers: { ETag: '"1"' } }) : (referenceLists(path(req)) ?? page([]))));
    renderApp('/users/21', { user: boardAdmin });
    const rows = await screen.findAllByRole('row');
    await waitFor(() => expect(within(rows.find((r) => r.textContent?.includes('OBS De Spil'))!).getByRole('button')).toBeInTheDocument());
    expect(within(rows.find((r) => r.textContent?.includes('Het Andere Lyceum'))!).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('editing a user', () => {
  it('sends If-Match, and explains a stale edit (412) like boards and schools do', async () => {
    let version = 1;
    let current: UserAccount = { ...coordinator };
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/users/21' && req.method === 'GET') return json(current, { headers: { ETag: `"${version}"` } });
      if (p === '/api/v1/users/21' && req.method === 'PATCH') {
        if (req.headers.get('If-Match') !== `"${version}"`) return problem(412, 'Changed by someone else.');
        const body = (await req.json()) as Partial<UserAccount>;
        version += 1;
        current = { ...current, ...body };
        return json(current, { headers: { ETag: `"${version}"` } });
      }
      return page([]);
    });
    renderApp('/users/21/edit', { user: boardAdmin });
    const active = await screen.findByLabelText('Account actief (kan inloggen)');
    expect(active).toBeChecked();

    version = 2;
    current = { ...current, name: 'Cees C. (gewijzigd)' };
    await userEvent.click(active);
    await userEvent.type(screen.getByLabelText(/^Nieuw wachtwoord/), 'nieuw-wachtwoord-1');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const notice = await screen.findByTestId('stale-notice');
    expect(notice).toHaveTextContent('Iemand anders heeft dit record gewijzigd');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(await patch.json()).toEqual({ isActive: false, password: 'nieuw-wachtwoord-1' });

    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.getByLabelText(/^Naam/)).toHaveValue('Cees C. (gewijzigd)'));
    expect(screen.getByLabelText('Account actief (kan inloggen)')).toBeChecked();

    await userEvent.click(screen.getByLabelText('Account actief (kan inloggen)'));
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cees C. (gewijzigd)' })).toBeInTheDocument();
    expect(screen.getByText('Inactief')).toBeInTheDocument();
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches[1]!.headers.get('If-Match')).toBe('"2"');
    expect(await patches[1]!.json()).toEqual({ isActive: false });
  });

  it('does not let administrators switch off their own account', async () => {
    const me: UserAccount = { ...boardAdmin, lastLoginAt: null };
    mockFetch((req) => (path(req) === '/api/v1/users/1' ? json(me, { headers: { ETag: '"1"' } }) : page([])));
    renderApp('/users/1/edit', { user: boardAdmin });
    const active = await screen.findByLabelText('Account actief (kan inloggen)');
    expect(active).toBeDisabled();
    expect(active).toHaveAccessibleDescription('U kunt uw eigen account niet uitschakelen.');
  });
});
