import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { page } from '../../test/testData';
import { counsellor, schoolAdmin } from './testData';

describe('the case register', () => {
  it('shows the API\'s "closing before opening" next to the closing date', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/confidential-cases' && req.method === 'POST') {
        // As the API answers it: the schema's check of the whole body, named "body".
        return problem(400, 'The request has invalid fields: body.', {
          invalidParams: [{ name: 'body', in: 'body', code: 'value_error', reason: 'Value error, closedOn is before openedOn' }],
        });
      }
      if (p === '/api/v1/role-types' || p === '/api/v1/partner-categories' || p === '/api/v1/external-bodies') return json([]);
      return page([]);
    });
    const user = userEvent.setup();
    renderApp('/confidential-cases/new', { user: counsellor });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuwe registratie' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^Onderwerp/), 'undesirable-behaviour');
    await user.selectOptions(screen.getByLabelText(/^Melder/), 'parent');
    await user.selectOptions(screen.getByLabelText(/^Status/), 'closed');
    fireEvent.change(screen.getByLabelText(/^Geopend op/), { target: { value: '2026-11-13' } });
    fireEvent.change(screen.getByLabelText(/^Gesloten op/), { target: { value: '2026-11-03' } });
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const closed = screen.getByLabelText(/^Gesloten op/);
    await waitFor(() => expect(closed).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(closed.getAttribute('aria-describedby')!.split(' ')[0]!)).toHaveTextContent(
      'De sluitingsdatum ligt voor de openingsdatum.',
    );
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({
      schoolId: 1,
      area: 'undesirable-behaviour',
      group: 'parent',
      openedOn: '2026-11-13',
      closedOn: '2026-11-03',
      status: 'closed',
      referredTo: null,
      outcome: null,
      notes: null,
    });
  }, 20_000);

  it('is not there for a school leader', async () => {
    mockFetch(async () => page([]));
    renderApp('/confidential-cases', { user: schoolAdmin });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  });
});
