import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, json, mockFetch, renderApp } from '../../test/utils';
import { coordinator, referenceAnswer } from '../../test/testData';
import type { ImportResult } from '../../api/registryTypes';
import { ImportPreview } from './ImportPreview';
import { isWorkbook } from './api';

const result: ImportResult = {
  kind: 'people',
  dryRun: true,
  validOnly: false,
  written: false,
  encoding: 'cp1252',
  separator: ';',
  total: 3,
  valid: 2,
  invalid: 1,
  created: 1,
  updated: 1,
  rows: [
    { row: 2, status: 'create', key: 'renee@example.nl', errors: [] },
    { row: 3, status: 'error', key: 'Bert Fout', errors: [{ field: 'kind', reason: "Input should be 'staff', 'volunteer' or 'external'" }] },
    { row: 4, status: 'update', key: 'vera@example.nl', errors: [] },
  ],
};

describe('the import preview', () => {
  it('shows the totals and, per row, what happens and what is wrong', () => {
    render(<ImportPreview result={result} />);
    const table = screen.getByRole('table', { name: 'Voorbeeld van de import per rij' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('renee@example.nl');
    expect(rows[0]).toHaveTextContent('Nieuw');
    expect(rows[1]).toHaveTextContent('Fout');
    // The column is named in Dutch, next to the API's reason.
    expect(rows[1]).toHaveTextContent("soort (Medewerker, Vrijwilliger of Extern): Input should be 'staff', 'volunteer' or 'external'");
    expect(rows[1]).toHaveAttribute('data-status', 'error');
    expect(rows[2]).toHaveTextContent('Bijwerken');
    expect(screen.getByText('Met fouten').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Tekenset: cp1252, scheidingsteken: ;')).toBeInTheDocument();
  });
});

// The API names the board of each school the user has a role at (OBS De Spil is board 1's).
const coordinatorAccess = accessFor(coordinator, { 1: 1 });

describe('the import page', () => {
  it('sends the file\'s raw bytes with the CSRF token, previews, and offers only the valid rows when some have errors', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/imports/people') {
        const dryRun = new URL(req.url).searchParams.get('dryRun') === 'true';
        return json({ ...result, dryRun, written: !dryRun, validOnly: !dryRun });
      }
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    const user = userEvent.setup();
    renderApp('/import', { user: coordinator, access: coordinatorAccess });
    expect(await screen.findByRole('heading', { level: 1, name: 'Importeren' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Mensen' }));
    // Windows-1252: "é" is the single byte 0xE9, which must reach the API unchanged.
    const bytes = new Uint8Array([...new TextEncoder().encode('naam;soort\r\nRen'), 0xe9, ...new TextEncoder().encode('e;staff\r\n')]);
    const file = new File([bytes], 'mensen.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText(/^Bestand \(CSV of Excel\)/), file);
    await user.click(screen.getByRole('button', { name: 'Controleren' }));

    expect(await screen.findByRole('heading', { name: 'Controle van mensen.csv' })).toHaveFocus();
    const check = calls.find((c) => c.method === 'POST')!;
    const url = new URL(check.url);
    expect(url.searchParams.get('boardId')).toBe('1');
    expect(url.searchParams.get('dryRun')).toBe('true');
    expect(check.headers.get('Content-Type')).toBe('text/csv');
    expect(check.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(new Uint8Array(await check.arrayBuffer())).toEqual(bytes);

    expect(screen.getByTestId('import-preview')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Importeer alle/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Importeer geldige rijen (2)' }));
    expect(await screen.findByRole('heading', { name: 'De import is opgeslagen' })).toBeInTheDocument();
    const write = calls.filter((c) => c.method === 'POST')[1]!;
    expect(new URL(write.url).searchParams.get('dryRun')).toBe('false');
    expect(new URL(write.url).searchParams.get('validOnly')).toBe('true');
    expect(screen.getByText('1 nieuw, 1 bijgewerkt.')).toBeInTheDocument();
  });

  it('imports measurements when asked from the dashboard: the backend\'s columns, a dry run, then all rows', async () => {
    const measurements: ImportResult = {
      ...result,
      kind: 'measurements',
      encoding: 'utf-8',
      total: 2,
      valid: 2,
      invalid: 0,
      created: 1,
      updated: 1,
      rows: [
        { row: 2, status: 'create', key: 'parent-contacts school:1 2026-10', errors: [] },
        { row: 3, status: 'update', key: 'parent-contacts school:1 2026-09', errors: [] },
      ],
    };
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      const reference = referenceAnswer(p);
      if (reference) return reference;
      if (p === '/api/v1/imports/measurements') {
        const dryRun = new URL(req.url).searchParams.get('dryRun') === 'true';
        return json({ ...measurements, dryRun, written: !dryRun });
      }
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    const user = userEvent.setup();
    renderApp('/import?kind=measurements', { user: coordinator, access: coordinatorAccess });
    expect(await screen.findByRole('radio', { name: 'Metingen van indicatoren' })).toBeChecked();
    const help = screen.getByText('Welke kolommen heeft het bestand voor Metingen van indicatoren?').closest('details')!;
    expect(within(help).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'indicator indicator (code) (verplicht)',
      'school school (vestigingscode)',
      'period periode (verplicht)',
      'value waarde (verplicht)',
      'note toelichting',
    ]);
    const file = new File(['indicator;school;periode;waarde\r\nparent-contacts;12AB00;2026-10;40\r\n'], 'metingen.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText(/^Bestand \(CSV of Excel\)/), file);
    await user.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(await screen.findByRole('heading', { name: 'Controle van metingen.csv' })).toHaveFocus();
    expect(within(screen.getByTestId('import-preview')).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Importeer alle (2 rijen)' }));
    expect(await screen.findByRole('heading', { name: 'De import is opgeslagen' })).toBeInTheDocument();
    const [check, write] = calls.filter((c) => c.method === 'POST');
    expect(new URL(check!.url).pathname).toBe('/api/v1/imports/measurements');
    expect(new URL(check!.url).searchParams.get('dryRun')).toBe('true');
    expect(new URL(write!.url).searchParams.get('dryRun')).toBe('false');
    expect(screen.getByRole('link', { name: 'Naar de indicatoren' })).toHaveAttribute('href', '/indicators');
  });

  it('says how it read each column, and which it left out', () => {
    render(
      <ImportPreview
        result={{
          ...result,
          columns: [
            { header: 'Naam', field: 'name' },
            { header: 'Soort', field: 'kind' },
            { header: 'Kleur', field: null },
          ],
        }}
      />,
    );
    const columns = screen.getByTestId('import-columns');
    expect(columns).toHaveAttribute('open'); // a column was left out: shown without a click
    const items = within(columns).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Naam → naam');
    expect(items[1]).toHaveTextContent('Soort → soort (Medewerker, Vrijwilliger of Extern)');
    expect(items[2]).toHaveTextContent('Kleur → niet gebruikt: Spil kent deze kolom niet');
  });

  it('tells an Excel workbook from a CSV by its first bytes', () => {
    expect(isWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]).buffer)).toBe(true);
    expect(isWorkbook(new TextEncoder().encode('naam;soort').buffer)).toBe(false);
    expect(isWorkbook(new Uint8Array([0x50]).buffer)).toBe(false);
  });

  it('says an Excel workbook was read as one', () => {
    render(<ImportPreview result={{ ...result, encoding: 'xlsx', separator: '' }} />);
    expect(screen.getByText('Excel-werkmap, het eerste blad')).toBeInTheDocument();
  });
});
