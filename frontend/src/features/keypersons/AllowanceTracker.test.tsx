import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { coordinator, page, referenceAnswer } from '../../test/testData';
import { axisMax } from './AllowanceChart';
import { YEAR, fatima, ledgerOf, payment } from './testData';

/** Rendering the app under a loaded CI machine takes its time. */
const SLOW = 20_000;

function path(req: Request) {
  return new URL(req.url).pathname;
}

const admin = { ...boardAdmin, memberships: [{ ...boardAdmin.memberships[0]!, boardId: 1 }] };

describe('the allowance tracker', () => {
  it('shows the year as a chart and as a table, with the headroom, the assumed rules and the benefit', async () => {
    mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/volunteer-agreements/1') return json(fatima, { headers: { ETag: '"v1"' } });
      if (p === '/api/v1/volunteer-agreements/1/ledger') return json(ledgerOf({ paidUntil: 10 }));
      if (p === '/api/v1/allowance-payments') return page(Array.from({ length: 10 }, (_, i) => payment(i + 1)));
      return referenceAnswer(p) ?? page([]);
    });
    renderApp('/key-persons/agreements/1', { user: admin });

    expect(await screen.findByRole('heading', { level: 1, name: 'Overeenkomst met Fatima El Amrani' })).toBeInTheDocument();
    const chart = await screen.findByTestId('allowance-chart');
    const svg = within(chart).getByRole('img', { name: new RegExp(`Vergoeding per maand in ${YEAR}`) });
    // Twelve months: ten paid (solid), two expected (hatched), and the limit line.
    expect(svg.querySelectorAll('g[data-month]')).toHaveLength(12);
    expect(svg.querySelectorAll('.chart-bar-paid')).toHaveLength(10);
    expect(svg.querySelectorAll('.chart-bar-projected')).toHaveLength(2);
    expect(svg.querySelector('.chart-limit')).not.toBeNull();
    expect(chart).toHaveTextContent('Verwacht (gearceerd)');

    const table = screen.getByTestId('ledger-table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 12 + 1);
    expect(within(table).getByRole('row', { name: new RegExp(`november ${YEAR}`) })).toHaveTextContent('Verwacht');
    expect(screen.getByTestId('headroom')).toHaveTextContent('€ 200,00');
    expect(screen.getByTestId('rules-assumed')).toHaveTextContent('bedragen van 2025');
    expect(screen.getByTestId('ledger-warnings')).toHaveTextContent(`${YEAR} zit dicht bij het maximum van € 2.100,00 per jaar.`);
    expect(screen.getByTestId('benefit-type')).toHaveTextContent('Participatiewet');
    expect(screen.getByTestId('benefit-warnings')).toHaveTextContent('de gemeente moet vooraf toestemming geven');
    expect(screen.getByTestId('within-limits')).toBeInTheDocument();
  }, SLOW);

  it('explains a payment over the limit and records it only when the user deliberately says so', async () => {
    let recorded = false;
    const posted: Record<string, unknown>[] = [];
    mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/volunteer-agreements/1') return json({ ...fatima, benefitType: null, benefitWarnings: [] }, { headers: { ETag: '"v1"' } });
      if (p === '/api/v1/volunteer-agreements/1/ledger') {
        return json(recorded ? ledgerOf({ paidUntil: 10, december: 300, taxable: true }) : ledgerOf({ paidUntil: 10 }));
      }
      if (p === '/api/v1/allowance-payments' && req.method === 'POST') {
        const body = (await req.json()) as Record<string, unknown>;
        posted.push(body);
        if (!body.acknowledgeLimitExceeded) {
          return problem(409, 'This payment would cross the monthly maximum of €210.00 (€300.00 in December).', {
            type: 'urn:spil:problem:allowance-limit-exceeded',
            violations: [
              { limit: 'per-month', period: `${YEAR}-12`, maximum: '210.00', actual: '300.00' },
              { limit: 'per-year', period: String(YEAR), maximum: '2100.00', actual: '2200.00' },
            ],
          });
        }
        recorded = true;
        return json({ ...payment(12, '300.00'), warnings: [] }, { status: 201 });
      }
      if (p === '/api/v1/allowance-payments') return page(Array.from({ length: recorded ? 11 : 10 }, (_, i) => (i < 10 ? payment(i + 1) : payment(12, '300.00'))));
      return referenceAnswer(p) ?? page([]);
    });
    const user = userEvent.setup();
    renderApp('/key-persons/agreements/1', { user: coordinator });

    const form = (await screen.findByRole('heading', { name: 'Betaling vastleggen' })).closest('form')!;
    // No benefit type for a coordinator.
    expect(screen.queryByTestId('benefit-type')).toBeNull();
    await user.selectOptions(within(form).getByLabelText(/^Maand/), `${YEAR}-12`);
    const amount = within(form).getByLabelText(/^Vergoeding/);
    expect(amount).toHaveValue('190');
    fireEvent.change(amount, { target: { value: '300' } });
    await user.click(within(form).getByRole('button', { name: 'Vastleggen' }));

    const explanation = await screen.findByTestId('limit-problem');
    expect(explanation).toHaveFocus();
    expect(explanation).toHaveTextContent(`December ${YEAR}: € 300,00. Dat is meer dan het maximum van € 210,00 per maand.`);
    expect(explanation).toHaveTextContent(`Heel ${YEAR}: € 2.200,00`);
    expect(explanation).toHaveTextContent('hele vrijwilligersvergoeding van Fatima El Amrani');
    const anyway = within(explanation).getByRole('button', { name: 'Toch vastleggen' });
    expect(anyway).toBeDisabled();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ agreementId: 1, month: `${YEAR}-12`, allowance: '300.00', acknowledgeLimitExceeded: false });

    await user.click(within(explanation).getByLabelText(/leg de betaling bewust vast/));
    await user.click(anyway);
    expect(await screen.findByTestId('payment-message')).toHaveTextContent(`De betaling van december ${YEAR} is vastgelegd. De vergoeding over ${YEAR} is nu belast.`);
    expect(posted[1]).toMatchObject({ month: `${YEAR}-12`, allowance: '300.00', acknowledgeLimitExceeded: true });
    expect(await screen.findByTestId('taxable')).toHaveTextContent(`Belast: de vergoeding over ${YEAR} gaat over een grens`);
    await waitFor(() => expect(screen.queryByTestId('limit-problem')).toBeNull());
    const chart = screen.getByTestId('allowance-chart');
    expect(chart.querySelector(`g[data-month="${YEAR}-12"] .chart-over-mark`)).toHaveTextContent('!');
    expect(within(screen.getByTestId('payments-table')).getByText('Bewust boven de grens')).toBeInTheDocument();
  }, SLOW);

  it('rounds the chart axis up to a readable maximum', () => {
    expect(axisMax(252)).toBe(300);
    expect(axisMax(360)).toBe(400);
    expect(axisMax(2100)).toBe(2500);
    expect(axisMax(0)).toBe(100);
  }, SLOW);
});
