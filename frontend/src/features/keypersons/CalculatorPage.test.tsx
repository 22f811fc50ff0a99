import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { coordinator, referenceAnswer } from '../../test/testData';
import { buildRequest, mapInvalidParam, monthRow, type CalculatorValues } from './calculator';
import { rules2025, YEAR } from './testData';
import type { CheckResult } from './types';

/** Rendering the app under a loaded CI machine takes its time. */
const SLOW = 20_000;

function path(req: Request) {
  return new URL(req.url).pathname;
}

function result(request: Record<string, unknown>, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    withinLimits: false,
    taxable: true,
    violations: [{ limit: 'per-month', period: '2025-02', maximum: '210.00', actual: '250.00' }],
    warnings: [],
    ruleSet: rules2025,
    requestedYear: request.year as number,
    ruleSetAssumed: false,
    months: [
      { month: '2025-01', allowance: '150.00', expenses: '0.00', counted: '150.00', hourlyRate: null, ageBand: null },
      { month: '2025-02', allowance: '250.00', expenses: '0.00', counted: '250.00', hourlyRate: null, ageBand: null },
    ],
    totals: { allowance: '400.00', expenses: '0.00', counted: '400.00', yearHeadroom: '1700.00' },
    explanation: 'Regels van de Belastingdienst voor 2025: ...\nIn februari 2025 kwam de vergoeding op €250,00.',
    language: 'nl',
    ...extra,
  };
}

describe('the allowance calculator', () => {
  it('builds the request from the form: months in calendar order, amounts as text, the age band', () => {
    const values: CalculatorValues = {
      year: 2025,
      hourly: true,
      age: 'under-21',
      birthDate: '',
      rows: [
        { ...monthRow(3), allowance: '12,50', hours: '4' },
        { ...monthRow(1), allowance: '100', expenses: '20', documented: false },
      ],
    };
    expect(buildRequest(values)).toEqual({
      year: 2025,
      hourlyAgreement: true,
      ageBand: 'under-21',
      fallbackToLatest: false,
      months: [
        { month: '2025-01', allowance: '100.00', expenses: '20.00', expensesDocumented: false },
        { month: '2025-03', hours: '4.00', allowance: '12.50', expenses: '0.00', expensesDocumented: true },
      ],
    });
    // The API's `months[1]` is the request's second month: the form's first row.
    expect(mapInvalidParam(values, 'months[1].hours')).toEqual({ row: 0, field: 'hours' });
    expect(mapInvalidParam(values, 'birthDate')).toEqual({ field: 'age' });
    expect(buildRequest({ ...values, age: 'birthDate', birthDate: '2006-05-01' }, true)).toMatchObject({
      birthDate: '2006-05-01',
      fallbackToLatest: true,
    });
  }, SLOW);

  it('sends the form, shows the verdict with the violation and the explanation, in the user\'s language', async () => {
    const requests: { body: Record<string, unknown>; language: string | null }[] = [];
    mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/allowance-rules') return json([rules2025]);
      if (p === '/api/v1/allowance-checks') {
        const body = (await req.json()) as Record<string, unknown>;
        requests.push({ body, language: req.headers.get('Accept-Language') });
        return json(result(body));
      }
      return referenceAnswer(p) ?? json({});
    });
    const user = userEvent.setup();
    renderApp('/key-persons/calculator', { user: coordinator });

    expect(await screen.findByRole('heading', { level: 1, name: 'Rekenhulp vrijwilligersvergoeding' })).toBeInTheDocument();
    await screen.findByRole('option', { name: '2025' });
    await user.selectOptions(screen.getByLabelText(/^Jaar/), '2025');
    const rows = screen.getAllByRole('group', { name: /^Gegevens van / });
    expect(rows).toHaveLength(3);
    fireEvent.change(within(rows[0]!).getByLabelText('Vergoeding'), { target: { value: '150' } });
    fireEvent.change(within(rows[1]!).getByLabelText('Vergoeding'), { target: { value: '250' } });
    // Remove the third month; the "add" button gets the focus.
    await user.click(within(rows[2]!).getByRole('button', { name: 'Verwijderen: maart 2025' }));
    expect(screen.getAllByRole('group', { name: /^Gegevens van / })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Maand toevoegen' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));

    const panel = await screen.findByTestId('check-result');
    expect(requests[0]).toEqual({
      language: 'nl',
      body: {
        year: 2025,
        hourlyAgreement: false,
        fallbackToLatest: false,
        months: [
          { month: '2025-01', allowance: '150.00', expenses: '0.00', expensesDocumented: true },
          { month: '2025-02', allowance: '250.00', expenses: '0.00', expensesDocumented: true },
        ],
      },
    });
    expect(within(panel).getByRole('heading', { name: 'Uitkomst voor 2025' })).toHaveFocus();
    expect(within(panel).getByTestId('verdict')).toHaveTextContent('Belast: een grens is overschreden');
    expect(within(panel).getByTestId('verdict')).toHaveTextContent('Februari 2025: € 250,00. Dat is meer dan het maximum van € 210,00 per maand.');
    const explanation = within(panel).getByTestId('explanation');
    expect(explanation.textContent).toContain('\n');
    expect(explanation).toHaveClass('prewrap');
    expect(explanation).toHaveAttribute('lang', 'nl');
  }, SLOW);

  it('asks for the hours of an hourly allowance and shows the API\'s errors on the right month', async () => {
    let calls = 0;
    mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/allowance-rules') return json([rules2025]);
      if (p === '/api/v1/allowance-checks') {
        calls += 1;
        return problem(400, 'An hourly allowance needs the hours worked in the month.', {
          invalidParams: [{ name: 'months[0].hours', in: 'body', code: 'required', reason: 'An hourly allowance needs the hours worked in the month.' }],
        });
      }
      return referenceAnswer(p) ?? json({});
    });
    const user = userEvent.setup();
    renderApp('/key-persons/calculator', { user: coordinator });
    await screen.findByRole('heading', { level: 1, name: 'Rekenhulp vrijwilligersvergoeding' });
    await user.click(screen.getByLabelText('Er is een vergoeding per uur afgesproken'));
    const rows = screen.getAllByRole('group', { name: /^Gegevens van / });
    fireEvent.change(within(rows[0]!).getByLabelText('Vergoeding'), { target: { value: '60' } });
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    // Checked before sending: the age and the hours.
    expect(screen.getByLabelText(/^Leeftijd van de vrijwilliger/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(rows[0]!).getByLabelText(/^Uren/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toBe(0);
    // The API's own check lands on the same field.
    fireEvent.change(screen.getByLabelText(/^Leeftijd van de vrijwilliger/), { target: { value: '21-plus' } });
    fireEvent.change(within(rows[0]!).getByLabelText(/^Uren/), { target: { value: '2' } });
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    await screen.findByText('Controleer de gemarkeerde velden.', { exact: false });
    expect(calls).toBe(1);
    expect(within(rows[0]!).getByLabelText(/^Uren/)).toHaveAttribute('aria-invalid', 'true');
  }, SLOW);

  it('offers the latest known year, marked as an assumption, when a year has no rules', async () => {
    const bodies: Record<string, unknown>[] = [];
    mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/allowance-rules') return json([rules2025]);
      if (p === '/api/v1/allowance-checks') {
        const body = (await req.json()) as Record<string, unknown>;
        bodies.push(body);
        if (!body.fallbackToLatest) {
          return problem(404, `There are no allowance rules for ${YEAR + 1}.`, { type: 'urn:spil:problem:no-rule-set', latestYear: 2025 });
        }
        return json(result(body, { taxable: false, withinLimits: true, violations: [], ruleSetAssumed: true }));
      }
      return referenceAnswer(p) ?? json({});
    });
    const user = userEvent.setup();
    renderApp('/key-persons/calculator', { user: coordinator });
    await screen.findByRole('option', { name: String(YEAR + 1) });
    await user.selectOptions(screen.getByLabelText(/^Jaar/), String(YEAR + 1));
    fireEvent.change(within(screen.getAllByRole('group', { name: /^Gegevens van / })[0]!).getByLabelText('Vergoeding'), { target: { value: '100' } });
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));

    const offer = await screen.findByTestId('rules-missing');
    expect(within(offer).getByRole('heading', { name: `Geen bedragen bekend voor ${YEAR + 1}` })).toHaveFocus();
    expect(offer).toHaveTextContent('De laatst bekende bedragen zijn van 2025');
    await user.click(within(offer).getByRole('button', { name: 'Reken met de bedragen van 2025 (aanname)' }));

    const panel = await screen.findByTestId('check-result');
    expect(bodies.map((b) => b.fallbackToLatest)).toEqual([false, true]);
    expect(within(panel).getByTestId('rules-assumed')).toHaveTextContent(`Voor ${YEAR + 1} zijn nog geen bedragen bekend`);
    expect(within(panel).getByTestId('verdict')).toHaveTextContent('Binnen de grenzen');
    expect(screen.queryByTestId('rules-missing')).toBeNull();
  }, SLOW);
});
