import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardAdmin, json, mockFetch, problem, renderApp, menuLink } from '../../test/utils';
import { board } from '../users/fixtures';
import type { RoleMapping, SyncRun } from './types';

const counts = {
  schools: { created: 0, updated: 0, unchanged: 2, ended: 0, failed: 0 },
  people: { created: 1, updated: 1, unchanged: 5, ended: 1, failed: 0 },
  roleAssignments: { created: 1, updated: 0, unchanged: 6, ended: 2, failed: 1 },
};

const run: SyncRun = {
  id: 12,
  boardId: 7,
  source: 'parnassys',
  sourceLabel: 'ParnasSys',
  mode: 'snapshot',
  dryRun: false,
  validOnly: true,
  status: 'applied',
  actorLabel: 'API-sleutel ParnasSys koppeling',
  startedAt: '2026-12-01T07:00:00Z',
  finishedAt: '2026-12-01T07:00:02Z',
  counts,
  problems: [
    { collection: 'roleAssignments', index: 3, field: 'role', code: 'unmapped-role', detail: 'De functienaam "Conciërge" hoort bij geen rol.' },
  ],
  changes: [
    { collection: 'people', index: 0, key: 'PS-1', action: 'created', id: 40, label: 'Anna de Leeuw', fields: { name: { old: null, new: 'Anna de Leeuw' } } },
    { collection: 'people', index: 1, key: 'PS-4', action: 'updated', id: 41, label: 'Dewi de Directeur', fields: { name: { old: 'Dewi Directeur', new: 'Dewi de Directeur' } } },
    { collection: 'roleAssignments', index: null, key: 'PS-9|teacher|12AB00', action: 'ended', id: 77, label: 'Leerkracht, OBS De Spil', fields: { endsOn: { old: null, new: '2026-11-30' } } },
  ],
};

const mappings: RoleMapping[] = [
  { id: null, boardId: null, source: null, sourceName: 'directeur', roleType: 'school-leader', builtIn: true },
  { id: 5, boardId: 7, source: 'parnassys', sourceName: 'Bouwcoördinator', roleType: 'care-coordinator', builtIn: false },
];

const roleTypes = [
  { id: 1, code: 'school-leader', nameNl: 'Schoolleider', nameEn: 'School leader', scopeLevel: 'school', requiredBy: 'law', needsHours: false, boardId: null },
  { id: 2, code: 'care-coordinator', nameNl: 'Zorgcoördinator', nameEn: 'Care coordinator', scopeLevel: 'school', requiredBy: null, needsHours: true, boardId: null },
];

function serve(extra: (url: URL, req: Request) => Response | Promise<Response> | null = () => null) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    const answer = await extra(url, req);
    if (answer) return answer;
    if (url.pathname === '/api/v1/sync-runs') return json({ items: [{ ...run, changes: null }], total: 1, page: 1, pageSize: 20 });
    if (url.pathname === '/api/v1/sync-runs/12') return json(run);
    if (url.pathname === '/api/v1/sync-runs/99') return problem(404, 'Niet gevonden.');
    if (url.pathname === '/api/v1/sync-role-mappings') return json(mappings);
    if (url.pathname === '/api/v1/role-types') return json(roleTypes);
    if (url.pathname === '/api/v1/boards') return json({ items: [board], total: 1, page: 1, pageSize: 100 });
    return json({ items: [], total: 0, page: 1, pageSize: 100 });
  });
}

describe('sync runs', () => {
  it('lists the runs from the menu, with source, kind, outcome and counts', async () => {
    serve();
    renderApp('/', { user: boardAdmin });
    await userEvent.click(await menuLink('Synchronisaties'));
    const table = await screen.findByRole('table', { name: 'Synchronisaties, nieuwste eerst' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('ParnasSys');
    expect(row).toHaveTextContent('Volledige stand');
    expect(row).toHaveTextContent('alleen geldige items');
    expect(row).toHaveTextContent('Verwerkt');
    // 0 + 1 + 1 created, 0 + 1 + 0 updated, 0 + 1 + 2 ended, 1 failed: added up over the kinds
    expect(row).toHaveTextContent('2 nieuw, 1 bijgewerkt, 3 beëindigd, 1 met problemen');
    expect(within(row).getByRole('link', { name: 'Bekijk synchronisatie 12' })).toHaveAttribute('href', '/synchronisaties/12');
  });

  it('shows one run: the counts per kind, the problems per item and the diff per record', async () => {
    serve();
    renderApp('/synchronisaties/12', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Synchronisatie 12 uit ParnasSys' })).toBeInTheDocument();
    const countsTable = screen.getByTestId('sync-counts');
    const people = countsTable.querySelector('tr[data-collection="people"]')!;
    expect(people.querySelector('[data-kind="ended"]')).toHaveTextContent('1');
    const problems = screen.getByRole('table', { name: 'Problemen per item' });
    expect(problems).toHaveTextContent('Rollen nr. 4');
    expect(problems).toHaveTextContent('De functienaam "Conciërge" hoort bij geen rol.');
    const changes = screen.getByRole('table', { name: 'Wijzigingen per record' });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-action'))).toEqual(['created', 'updated', 'ended']);
    expect(rows[1]).toHaveTextContent('naam: Dewi Directeur → Dewi de Directeur');
    expect(rows[2]).toHaveTextContent('einddatum: (leeg) → 30 november 2026');
    expect(within(rows[0]!).getByRole('link', { name: 'Anna de Leeuw' })).toHaveAttribute('href', '/people/40');
    expect(within(rows[2]!).getByRole('link', { name: 'Leerkracht, OBS De Spil' })).toHaveAttribute('href', '/role-assignments/77');
  });

  it('explains a run that stopped before ending too much, and writes no links for what it did not write', async () => {
    serve((url) =>
      url.pathname === '/api/v1/sync-runs/12' ? json({ ...run, status: 'stopped', dryRun: true, problems: [] }) : null,
    );
    renderApp('/synchronisaties/12', { user: boardAdmin });
    expect(await screen.findByTestId('sync-status-hint')).toHaveTextContent('confirmLargeRemoval=true');
    expect(screen.getByText('Gestopt: vraagt bevestiging')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Wijzigingen per record' })).queryAllByRole('link')).toHaveLength(0);
  });

  it('an unknown run is a not-found page', async () => {
    serve();
    renderApp('/synchronisaties/99', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: /niet gevonden/i })).toBeInTheDocument();
  });
});

describe('job-title mappings', () => {
  it('lists the defaults and the board\'s own, adds one and removes one', async () => {
    const { calls } = serve((url, req) => {
      if (url.pathname === '/api/v1/sync-role-mappings' && req.method === 'POST') {
        return json({ id: 6, boardId: 7, source: null, sourceName: 'Locatieleider', roleType: 'school-leader', builtIn: false }, { status: 201 });
      }
      if (url.pathname === '/api/v1/sync-role-mappings/5' && req.method === 'DELETE') return new Response(null, { status: 204 });
      return null;
    });
    renderApp('/synchronisaties/functienamen', { user: boardAdmin });
    const table = await screen.findByRole('table', { name: 'Functienamen en hun rol' });
    await waitFor(() => expect(table).toHaveTextContent('Schoolleider'));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('standaard');
    expect(rows[0]).toHaveTextContent('elke bron');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(rows[1]).toHaveTextContent('Zorgcoördinator');
    expect(rows[1]).toHaveTextContent('parnassys');

    await userEvent.type(screen.getByLabelText(/^Functienaam in de bron/), 'Locatieleider');
    await userEvent.selectOptions(screen.getByLabelText(/^Rol in Spil/), 'school-leader');
    await userEvent.click(screen.getByRole('button', { name: 'Functienaam toevoegen' }));
    await waitFor(() => expect(screen.getByTestId('mapping-status')).toHaveTextContent('De functienaam Locatieleider is toegevoegd.'));
    const posted = calls.find((c) => c.method === 'POST' && c.url.endsWith('/sync-role-mappings'))!;
    expect(JSON.parse(await posted.text())).toEqual({ boardId: 7, source: null, sourceName: 'Locatieleider', roleType: 'school-leader' });

    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Verwijderen: Bouwcoördinator' }));
    await userEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/sync-role-mappings/5'))).toBe(true));
  });

  it('shows the API\'s words next to the field it refuses', async () => {
    serve((url, req) =>
      url.pathname === '/api/v1/sync-role-mappings' && req.method === 'POST'
        ? problem(409, 'Deze functienaam is al vertaald.', {
            invalidParams: [{ name: 'sourceName', code: 'duplicate', reason: 'Deze functienaam is al vertaald voor deze bron.' }],
          })
        : null,
    );
    renderApp('/synchronisaties/functienamen', { user: boardAdmin });
    await screen.findByRole('table', { name: 'Functienamen en hun rol' });
    await userEvent.type(screen.getByLabelText(/^Functienaam in de bron/), 'directeur');
    await userEvent.selectOptions(screen.getByLabelText(/^Rol in Spil/), 'school-leader');
    await userEvent.click(screen.getByRole('button', { name: 'Functienaam toevoegen' }));
    expect(await screen.findByText('Deze functienaam heeft voor deze bron al een rol. Verwijder die eerst.')).toBeInTheDocument();
  });
});
