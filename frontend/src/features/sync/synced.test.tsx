import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../api/registryTypes';
import { json, mockFetch, renderApp } from '../../test/utils';
import { demoBoardAdmin, page, referenceAnswer } from '../../test/testData';

const person = {
  id: 40,
  boardId: 1,
  name: 'Anna de Leeuw',
  kind: 'staff',
  email: 'anna.deleeuw@despil.nl',
  phone: null,
  languages: ['nl'],
  notes: 'Spreekt ook Pools.',
  erasedOn: null,
  inactiveSince: null,
  syncedFrom: { source: 'parnassys', sourceLabel: 'ParnasSys', fields: ['email', 'kind', 'name'] },
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
} as Person;

function serve(answer: Person) {
  return mockFetch((req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/people/40') return json(answer, { headers: { ETag: '"3"' } });
    if (url.pathname === '/api/v1/role-assignments') return json([]);
    return referenceAnswer(url.pathname) ?? page([]);
  });
}

describe('a record kept by the school administration system', () => {
  it('says on the person page which source keeps which fields', async () => {
    serve(person);
    renderApp('/people/40', { user: demoBoardAdmin });
    const notice = await screen.findByTestId('synced-from');
    expect(notice).toHaveTextContent('uit ParnasSys');
    expect(notice).toHaveTextContent('Bijgehouden in ParnasSys: e-mailadres, soort en naam.');
  });

  it('shows when the source stopped listing the person', async () => {
    serve({ ...person, inactiveSince: '2026-11-30' });
    renderApp('/people/40', { user: demoBoardAdmin });
    expect(await screen.findByTestId('inactive-since')).toHaveTextContent('ParnasSys noemt deze persoon sinds');
  });

  it('keeps the owned fields read-only in the form, and the school\'s own fields editable', async () => {
    serve(person);
    renderApp('/people/40/edit', { user: demoBoardAdmin });
    const name = await screen.findByLabelText(/^Naam/);
    expect(name).toHaveAttribute('readonly');
    expect(screen.getByLabelText(/^E-mailadres/)).toHaveAttribute('readonly');
    expect(screen.getByLabelText(/^Soort/)).toBeDisabled();
    expect(screen.getByLabelText(/^Telefoonnummer/)).not.toHaveAttribute('readonly');
    expect(screen.getByLabelText(/^Opmerkingen/)).not.toHaveAttribute('readonly');
    const field = name.closest('.field') as HTMLElement;
    expect(within(field).getByText('Uit ParnasSys: wijzig dit in ParnasSys.')).toBeInTheDocument();
  });

  it('a person made by hand has no notice and nothing read-only', async () => {
    serve({ ...person, syncedFrom: null });
    renderApp('/people/40/edit', { user: demoBoardAdmin });
    expect(await screen.findByLabelText(/^Naam/)).not.toHaveAttribute('readonly');
    expect(screen.queryByTestId('synced-from')).toBeNull();
  });
});
