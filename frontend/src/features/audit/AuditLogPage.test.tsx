import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { boardAdmin, json, mockFetch, renderApp } from '../../test/utils';

const events = {
  items: [
    {
      id: 2,
      occurredAt: '2026-11-23T09:22:00Z',
      actorType: 'user',
      actorLabel: 'bestuur@demo.spil.nl',
      action: 'update',
      entityType: 'school',
      entityId: 4,
      boardId: 7,
      schoolId: 4,
      before: { name: 'De Spil', location_code: '12AB00' },
      after: { name: 'De Nieuwe Spil', location_code: '12AB01' },
    },
    {
      id: 1,
      occurredAt: '2026-11-23T09:00:00Z',
      actorType: 'user',
      actorLabel: 'admin@demo.spil.nl',
      action: 'create',
      entityType: 'board',
      entityId: 7,
      boardId: 7,
      schoolId: null,
      before: null,
      after: { id: 7, version: 1, created_at: '2026-11-23T09:00:00Z', name: 'Stichting Spil Demo', municipality_id: 3 },
    },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('audit log', () => {
  it('lists changes with readable field names and filters by record type', async () => {
    const { calls } = mockFetch((req) =>
      new URL(req.url).pathname === '/api/v1/audit-events' ? json(events) : json({ items: [], total: 0, page: 1, pageSize: 100 }),
    );
    renderApp('/audit', { user: boardAdmin });
    const rows = await screen.findAllByRole('row');
    const update = rows.find((r) => r.textContent?.includes('School #4'))!;
    expect(within(update).getByText('Gewijzigd')).toBeInTheDocument();
    expect(within(update).getByRole('link', { name: 'School #4: De Nieuwe Spil' })).toHaveAttribute('href', '/schools/4');
    expect(within(update).getByRole('rowheader', { name: 'Vestigingscode' })).toBeInTheDocument();

    const create = rows.find((r) => r.textContent?.includes('Bestuur #7'))!;
    expect(within(create).getByRole('rowheader', { name: 'Gemeente' })).toBeInTheDocument();
    expect(within(create).queryByRole('rowheader', { name: 'version' })).not.toBeInTheDocument();
    expect(within(create).queryByRole('rowheader', { name: 'created_at' })).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Soort record'), 'school');
    await userEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    await screen.findAllByRole('row');
    const last = new URL(calls.filter((c) => new URL(c.url).pathname === '/api/v1/audit-events').at(-1)!.url);
    expect(last.searchParams.get('entityType')).toBe('school');
    expect(last.searchParams.get('sort')).toBe('-occurredAt');
  });

  it('is not offered to school staff', async () => {
    const coordinator: User = {
      ...boardAdmin,
      memberships: [{ id: 3, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' }],
    };
    const { calls } = mockFetch(() => json({ items: [], total: 0, page: 1, pageSize: 20 }));
    renderApp('/audit', { user: coordinator });
    expect(await screen.findByRole('alert')).toHaveTextContent('U heeft geen toestemming');
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).not.toHaveTextContent('Logboek');
    expect(calls.filter((c) => c.url.includes('/audit-events'))).toHaveLength(0);
  });

  it('names every kind of record in words, never by its code', async () => {
    const payment = { ...events.items[1]!, id: 3, entityType: 'allowance-payment', entityId: 23, after: { amount: '12.50' } };
    mockFetch((req) =>
      new URL(req.url).pathname === '/api/v1/audit-events'
        ? json({ ...events, items: [payment], total: 1 })
        : json({ items: [], total: 0, page: 1, pageSize: 100 }),
    );
    renderApp('/audit', { user: boardAdmin });
    expect(await screen.findByText('Vergoeding #23')).toBeInTheDocument();
    expect(screen.queryByText(/allowance-payment/)).toBeNull();
  });
});
