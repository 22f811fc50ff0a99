import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { board } from '../users/fixtures';
import type { DuoImportResult } from './duoApi';

function answer(dryRun: boolean, extra: Partial<DuoImportResult> = {}): DuoImportResult {
  return {
    boardId: 7,
    boardNumber: '41234',
    dryRun,
    validOnly: false,
    written: !dryRun,
    encoding: 'windows-1252',
    separator: ';',
    layout: 'old',
    fileSector: 'PO',
    rowsInFile: 8,
    otherBoardRows: 4,
    total: 3,
    created: 1,
    updated: 1,
    unchanged: 1,
    invalid: 0,
    schools: [
      {
        row: 2,
        locationCode: '12AB00',
        name: 'OBS De Spil',
        status: 'update',
        schoolId: 1,
        changes: [{ field: 'denomination', old: null, new: 'Openbaar' }],
        problems: [],
      },
      { row: 4, locationCode: '45EF00', name: 'SBO De Wending', status: 'unchanged', schoolId: 3, changes: [], problems: [] },
      {
        row: 5,
        locationCode: '12AB01',
        name: 'OBS De Spil, Locatie Kleverpark',
        status: 'create',
        schoolId: dryRun ? null : 9,
        changes: [
          { field: 'name', old: null, new: 'OBS De Spil, Locatie Kleverpark' },
          { field: 'municipality', old: null, new: 'Haarlem (GM0392)' },
        ],
        problems: [],
      },
    ],
    notInFile: [{ schoolId: 2, locationCode: '23CD00', name: 'Basisschool De Regenboog' }],
    ...extra,
  };
}

function serve(duo: (req: Request, query: URLSearchParams) => Response | Promise<Response>) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/boards/7') return json(board, { headers: { ETag: '"v1"' } });
    if (url.pathname === '/api/v1/imports/duo-schools') return duo(req, url.searchParams);
    if (url.pathname === '/api/v1/regional-programmes') return json([]);
    if (url.pathname === '/api/v1/boards/7/complaint-settings') return problem(404, 'Not found.');
    return json({ items: [], total: 0, page: 1, pageSize: 100 });
  });
}

const file = () => new File(['BEVOEGD GEZAG NUMMER;VESTIGINGSCODE\n41234;12AB00\n'], 'vestigingen.csv', { type: 'text/csv' });

async function openAndCheck() {
  await userEvent.click(await screen.findByRole('button', { name: 'Scholen uit DUO bijwerken' }));
  const section = await screen.findByTestId('duo-import');
  expect(within(section).getByRole('heading', { level: 2, name: 'Scholen uit DUO bijwerken' })).toHaveFocus();
  await userEvent.upload(within(section).getByLabelText(/^Bestand van DUO/), file());
  await userEvent.click(within(section).getByRole('button', { name: 'Controleren' }));
  return section;
}

describe('updating the schools from DUO on the board page', () => {
  it('checks the file (a dry run, sent as a multipart form), shows the diff and applies it', async () => {
    const { calls } = serve((_req, query) => json(answer(query.get('dryRun') === 'true')));
    renderApp('/boards/7', { user: boardAdmin });
    const section = await openAndCheck();

    const table = await within(section).findByRole('table', { name: 'Wijzigingen per vestiging' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-location'))).toEqual(['12AB00', '45EF00', '12AB01']);
    expect(rows[0]).toHaveTextContent('Bijwerken');
    expect(rows[0]).toHaveTextContent('Denominatie: (leeg) → Openbaar');
    expect(rows[1]).toHaveTextContent('Ongewijzigd');
    expect(rows[2]).toHaveTextContent('Nieuw');
    expect(rows[2]).toHaveTextContent('Gemeente: Haarlem (GM0392)');
    expect(within(section).getByText('8 rijen in het bestand; 4 van andere besturen zijn overgeslagen.')).toBeInTheDocument();
    expect(within(section).getByText('In Spil, niet in dit bestand')).toBeInTheDocument();
    expect(within(section).getByRole('heading', { level: 3, name: 'Wat er verandert: vestigingen.csv' })).toHaveFocus();

    const checked = calls.find((c) => c.url.includes('/imports/duo-schools'))!;
    const query = new URL(checked.url).searchParams;
    expect([query.get('boardId'), query.get('dryRun'), query.get('validOnly'), query.get('sector')]).toEqual(['7', 'true', 'false', null]);
    expect(checked.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(checked.headers.get('X-CSRF-Token')).toBe('csrf-test');
    // the file as the form's field `file` (the test's fetch cannot read jsdom's File: its bytes
    // are checked by the backend's tests and the browser test)
    expect(await checked.text()).toContain('Content-Disposition: form-data; name="file"');

    await userEvent.click(within(section).getByRole('button', { name: 'Toepassen' }));
    await waitFor(() => expect(within(section).getByText('Scholen bijgewerkt')).toBeInTheDocument());
    expect(within(section).getByText('Scholen bijgewerkt').closest('[role="status"]')).toHaveFocus();
    expect(within(section).getByText('1 nieuw, 1 bijgewerkt. Alle wijzigingen staan in het logboek.')).toBeInTheDocument();
    const applied = calls.filter((c) => c.url.includes('/imports/duo-schools'))[1]!;
    expect(new URL(applied.url).searchParams.get('dryRun')).toBe('false');
  });

  it('names the problems per row and applies the other rows only when asked', async () => {
    const withProblem = (dryRun: boolean) =>
      answer(dryRun, {
        invalid: 1,
        schools: [
          ...answer(dryRun).schools,
          {
            row: 7,
            locationCode: '67GH00',
            name: 'CBS Het Kompas',
            status: 'error',
            schoolId: null,
            changes: [],
            problems: [{ column: 'VESTIGINGSCODE', code: 'other-board', reason: 'The location belongs to another board.' }],
          },
        ],
      });
    const { calls } = serve((_req, query) => json(withProblem(query.get('dryRun') === 'true')));
    renderApp('/boards/7', { user: boardAdmin });
    const section = await openAndCheck();
    await userEvent.selectOptions(within(section).getByLabelText(/^Sector van nieuwe scholen/), 'SBO');
    await userEvent.click(within(section).getByRole('button', { name: 'Controleren' }));

    const row = (await within(section).findAllByRole('row')).find((r) => r.getAttribute('data-location') === '67GH00')!;
    expect(row).toHaveTextContent('Probleem');
    expect(row).toHaveTextContent('VESTIGINGSCODE: Deze vestiging hoort in Spil bij een ander bestuur en wordt niet overgenomen.');
    expect(within(section).getByText('Eén rij heeft een probleem. Die rij schrijft Spil niet.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Toepassen' })).not.toBeInTheDocument();

    await userEvent.click(within(section).getByRole('button', { name: 'Toepassen, zonder de rij met een probleem' }));
    await within(section).findByText('Scholen bijgewerkt');
    const applied = calls.filter((c) => c.url.includes('/imports/duo-schools')).pop()!;
    const query = new URL(applied.url).searchParams;
    expect([query.get('dryRun'), query.get('validOnly'), query.get('sector')]).toEqual(['false', 'true', 'SBO']);
  });

  it('says in Dutch why a file cannot be read', async () => {
    serve(() =>
      problem(400, 'This is not a DUO file.', {
        type: 'urn:spil:problem:unreadable-file',
        invalidParams: [{ name: 'file', in: 'body', code: 'unreadable-file', reason: 'It lacks the column(s) VESTIGINGSCODE.' }],
      }),
    );
    renderApp('/boards/7', { user: boardAdmin });
    const section = await openAndCheck();
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Spil kan dit bestand niet lezen als DUO-bestand met vestigingen: It lacks the column(s) VESTIGINGSCODE.',
    );
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });

  it('asks for a file before checking, and closes again', async () => {
    const { calls } = serve(() => json(answer(true)));
    renderApp('/boards/7', { user: boardAdmin });
    const toggle = await screen.findByRole('button', { name: 'Scholen uit DUO bijwerken' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(await screen.findByText('Kies het bestand van DUO.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes('/imports/duo-schools'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByTestId('duo-import')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
  });

  it('is not offered to a viewer of the board', async () => {
    const viewer: User = {
      ...boardAdmin,
      id: 2,
      email: 'lezer@demo.spil.nl',
      memberships: [{ ...boardAdmin.memberships[0]!, id: 11, role: 'viewer' }],
    };
    serve(() => json(answer(true)));
    renderApp('/boards/7', { user: viewer });
    expect(await screen.findByRole('heading', { level: 1, name: 'Stichting Spil Demo' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Scholen uit DUO bijwerken' })).not.toBeInTheDocument();
  });
});
