import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { School } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';

const school: School = {
  id: 4,
  boardId: 7,
  boardName: 'Stichting Spil Demo',
  locationCode: '12AB00',
  brin: '12AB',
  name: 'De Spil',
  sector: 'PO',
  municipalityId: 3,
  municipalityName: 'Amsterdam',
  street: 'Schoolstraat',
  houseNumber: '1',
  postalCode: '1011 AB',
  city: 'Amsterdam',
  email: null,
  phone: null,
  website: null,
  profile: null,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
};

describe('school form', () => {
  it('shows the invalid fields of a 400 problem next to the fields', async () => {
    mockFetch((req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/municipalities')
        return json({ items: [{ id: 3, code: 'GM0363', name: 'Amsterdam', regionId: 1, regionName: 'Groot-Amsterdam' }], total: 1, page: 1, pageSize: 100 });
      if (p === '/api/v1/schools/4' && req.method === 'GET') return json(school, { headers: { ETag: '"v1"' } });
      if (p === '/api/v1/schools/4' && req.method === 'PATCH')
        return problem(400, 'The request has invalid fields: postalCode.', {
          invalidParams: [{ name: 'postalCode', in: 'body', code: 'value_error', reason: 'must be a Dutch postal code such as 2011 AB' }],
        });
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderApp('/schools/4/edit', { user: boardAdmin });
    const postal = await screen.findByLabelText(/^Postcode/);
    await userEvent.clear(postal);
    await userEvent.type(postal, '99');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText('Vul een Nederlandse postcode in, zoals 2011 AB.')).toBeInTheDocument();
    expect(postal).toHaveAttribute('aria-invalid', 'true');
    expect(postal).toHaveAccessibleDescription(/Vul een Nederlandse postcode in/);
    expect(screen.getByRole('alert')).toHaveTextContent('Het formulier bevat fouten');
    expect(screen.getByLabelText(/^Naam/)).not.toHaveAttribute('aria-invalid');
  });

  it('shows a duplicate location code (409) on the form', async () => {
    mockFetch((req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/schools/4' && req.method === 'GET') return json(school, { headers: { ETag: '"v1"' } });
      if (p === '/api/v1/schools/4' && req.method === 'PATCH')
        return problem(409, 'Another school already has location code 12AB01.', {
          invalidParams: [{ name: 'locationCode', in: 'body', code: 'duplicate', reason: 'Already in use.' }],
        });
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    renderApp('/schools/4/edit', { user: boardAdmin });
    const code = await screen.findByLabelText(/^Vestigingscode/);
    await userEvent.clear(code);
    await userEvent.type(code, '12ab01');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another school already has location code 12AB01.');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(/Deze waarde is al in gebruik/);
  });

  it('shows the not-found page for a school outside the scope', async () => {
    mockFetch(() => problem(404, 'The school does not exist or is outside your scope.'));
    renderApp('/schools/99', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
  });
});

describe('creating a school', () => {
  it('posts the filled-in fields for the preselected board and opens the new school', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/boards')
        return json({ items: [{ id: 7, number: '41234', name: 'Stichting Spil Demo', municipalityId: null, email: null, phone: null, website: null, createdAt: '', updatedAt: '' }], total: 1, page: 1, pageSize: 100 });
      if (p === '/api/v1/municipalities')
        return json({ items: [{ id: 3, code: 'GM0363', name: 'Amsterdam', regionId: 1, regionName: null }], total: 1, page: 1, pageSize: 100 });
      if (p === '/api/v1/schools' && req.method === 'POST') {
        const body = (await req.json()) as Record<string, unknown>;
        return json({ ...school, ...body, id: 12 }, { status: 201, headers: { ETag: '"v1"' } });
      }
      if (p === '/api/v1/schools/12') return json({ ...school, id: 12, name: 'Nieuwe School' }, { headers: { ETag: '"v1"' } });
      return json({ items: [], total: 0, page: 1, pageSize: 100 });
    });
    const { router } = renderApp('/schools/new?boardId=7', { user: boardAdmin });
    const board = await screen.findByLabelText(/^Bestuur/);
    await screen.findByRole('option', { name: 'Stichting Spil Demo' });
    expect(board).toHaveValue('7');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'Nieuwe School');
    await userEvent.type(screen.getByLabelText(/^Vestigingscode/), '99zz00');
    await userEvent.selectOptions(screen.getByLabelText(/^Sector/), 'VO');
    await screen.findByRole('option', { name: 'Amsterdam (GM0363)' });
    await userEvent.selectOptions(screen.getByLabelText(/^Gemeente/), '3');
    await userEvent.type(screen.getByLabelText(/^Plaats/), 'Amsterdam');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText('Toegevoegd en opgeslagen.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/schools/12');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await post.json()).toEqual({
      boardId: 7,
      name: 'Nieuwe School',
      locationCode: '99ZZ00',
      sector: 'VO',
      municipalityId: 3,
      city: 'Amsterdam',
    });
  });

  it('marks the required fields that are empty without calling the API', async () => {
    const { calls } = mockFetch(() => json({ items: [], total: 0, page: 1, pageSize: 100 }));
    renderApp('/schools/new', { user: boardAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het formulier bevat fouten');
    expect(screen.getByLabelText(/^Naam/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Naam/)).toHaveAccessibleDescription('Dit veld is verplicht.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
