import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';

const board: Board = {
  id: 7,
  number: '41234',
  name: 'Stichting Spil Demo',
  municipalityId: null,
  municipalityName: null,
  email: 'info@demo.spil.nl',
  phone: null,
  website: null,
  retentionYears: 7,
  schoolCount: 3,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
};

function path(req: Request) {
  return new URL(req.url).pathname;
}

describe('editing a board that someone else changed (412)', () => {
  it('sends If-Match, explains the stale edit and reloads the latest version', async () => {
    let version = 1;
    let current: Board = { ...board };
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/municipalities') return json({ items: [], total: 0, page: 1, pageSize: 100 });
      if (p === '/api/v1/boards/7' && req.method === 'GET') return json(current, { headers: { ETag: `"v${version}"` } });
      if (p === '/api/v1/boards/7' && req.method === 'PATCH') {
        if (req.headers.get('If-Match') !== `"v${version}"`) {
          return problem(412, 'The record was changed by someone else since you loaded it.');
        }
        const body = (await req.json()) as Partial<Board>;
        version += 1;
        current = { ...current, ...body };
        return json(current, { headers: { ETag: `"v${version}"` } });
      }
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });

    renderApp('/boards/7/edit', { user: boardAdmin });
    const name = await screen.findByLabelText(/^Naam/);
    expect(name).toHaveValue('Stichting Spil Demo');

    // Meanwhile, someone else saves a change.
    version = 2;
    current = { ...current, name: 'Stichting Spil Demo (gewijzigd)' };

    await userEvent.clear(name);
    await userEvent.type(name, 'Mijn nieuwe naam');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    const notice = await screen.findByTestId('stale-notice');
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('Iemand anders heeft dit record gewijzigd');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"v1"');
    expect(patch.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await patch.json()).toEqual({ name: 'Mijn nieuwe naam' });
    expect(screen.getByRole('button', { name: 'Opslaan' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.getByLabelText(/^Naam/)).toHaveValue('Stichting Spil Demo (gewijzigd)'));
    expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument();

    // Applying the change again now succeeds, against the new version.
    const fresh = screen.getByLabelText(/^Naam/);
    await userEvent.clear(fresh);
    await userEvent.type(fresh, 'Mijn nieuwe naam');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn nieuwe naam' })).toBeInTheDocument();
    expect(screen.getByText('De wijzigingen zijn opgeslagen.')).toHaveAttribute('role', 'status');
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches[1]!.headers.get('If-Match')).toBe('"v2"');
  });
});
