import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { page } from '../../test/testData';
import { parseValue } from './values';
import { catalogue } from './testData';
import type { Measurement } from './types';

const SLOW = 20_000;

const existing: Measurement = {
  id: 42,
  indicator: 'parent-contacts',
  boardId: 7,
  schoolId: 1,
  period: '2026-09',
  periodStart: '2026-09-01',
  value: 30,
  source: 'entered',
  enteredBy: 'Bea Bestuur',
  note: null,
  createdAt: '2026-10-01T09:00:00Z',
  updatedAt: '2026-10-01T09:00:00Z',
};

function reference(req: Request): Response | null {
  const p = new URL(req.url).pathname;
  if (p === '/api/v1/indicators') return json(catalogue);
  if (p === '/api/v1/schools') return page([{ id: 1, name: 'De Spil', boardId: 7 }]);
  return null;
}

function errorOf(label: RegExp): string {
  const field = String(label) === String(/^Periode/) ? periodControl() : screen.getByLabelText(label);
  expect(field).toHaveAttribute('aria-invalid', 'true');
  return document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent ?? '';
}

async function fill(user: ReturnType<typeof userEvent.setup>, indicator: string, period: string, value: string) {
  await user.selectOptions(await screen.findByLabelText(/^Indicator/), indicator);
  await user.selectOptions(screen.getByLabelText(/^School of bestuur/), 'school:1');
  await pickPeriod(user, period);
  await user.type(screen.getByLabelText(/^Waarde/), value);
}

/** Picks a period in the period picker: a school year, or a month and its year. */
async function pickPeriod(user: ReturnType<typeof userEvent.setup>, period: string) {
  const group = screen.getByRole('group', { name: /^Periode/ });
  const schoolYear = /^(\d{4})-(\d{4})$/.exec(period);
  if (schoolYear) {
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Schooljaar' }), schoolYear[1]!);
    return;
  }
  const [year, month] = period.split('-');
  await user.selectOptions(within(group).getByRole('combobox', { name: 'Maand' }), month!);
  await user.selectOptions(within(group).getByRole('combobox', { name: 'Jaar' }), year!);
}

/** The first control of the period picker (its error is described on each part). */
const periodControl = () => within(screen.getByRole('group', { name: /^Periode/ })).getAllByRole('combobox')[0]!;

describe('entering a measurement', () => {
  it('reads 64,5 and 64.5 alike', () => {
    expect(parseValue('64,5')).toBe(64.5);
    expect(parseValue(' 12 ')).toBe(12);
    expect(parseValue('veel')).toBeNull();
  });

  it('shows the frequency\'s format and puts the API\'s 400 next to period and value', async () => {
    const { calls } = mockFetch(async (req) => {
      if (new URL(req.url).pathname === '/api/v1/measurements' && req.method === 'POST') {
        return problem(400, 'The request has invalid fields.', {
          invalidParams: [
            { name: 'period', in: 'body', code: 'wrong-period', reason: "Not a school year ('parent-evening-attendance' is measured per school-year.)" },
            { name: 'value', in: 'body', code: 'out-of-range', reason: 'A percentage lies between 0 and 100.' },
          ],
        });
      }
      return reference(req) ?? page([]);
    });
    const user = userEvent.setup();
    renderApp('/indicators/measurements/new', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Waarde invoeren' })).toBeInTheDocument();
    // Derived indicators are not offered.
    expect(screen.queryByRole('option', { name: 'Vertrouwenszaken' })).not.toBeInTheDocument();
    await fill(user, 'parent-evening-attendance', '2025-2026', '120,5');
    expect(screen.getByText('Deze indicator wordt per schooljaar gemeten: JJJJ-JJJJ, bijvoorbeeld 2024-2025.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(periodControl()).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(/^Periode/)).toContain('Vul de periode in als JJJJ-JJJJ, bijvoorbeeld 2024-2025.');
    expect(errorOf(/^Waarde/)).toContain('Een percentage ligt tussen 0 en 100.');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({
      schoolId: 1,
      indicator: 'parent-evening-attendance',
      period: '2025-2026',
      value: '120.5',
      note: null,
    });
  }, SLOW);

  it('offers to replace a duplicate (409): reads the existing value with its ETag and changes it with If-Match', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/measurements' && req.method === 'POST') {
        return problem(409, 'A value for this indicator, scope and period exists already (measurement 42).', {
          code: 'duplicate',
          existingId: 42,
          invalidParams: [{ name: 'period', in: 'body', code: 'duplicate', reason: 'Already measured.' }],
        });
      }
      if (p === '/api/v1/measurements/42' && req.method === 'GET') return json(existing, { headers: { ETag: 'W/"3"' } });
      if (p === '/api/v1/measurements/42' && req.method === 'PATCH') return json({ ...existing, value: 12 }, { headers: { ETag: 'W/"4"' } });
      return reference(req) ?? page([]);
    });
    const user = userEvent.setup();
    const { router } = renderApp('/indicators/measurements/new', { user: boardAdmin });
    await fill(user, 'parent-contacts', '2026-09', '12');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const alert = await screen.findByTestId('duplicate');
    await waitFor(() => expect(alert).toHaveTextContent('al een waarde ingevoerd: 30 (meting 42)'));
    expect(screen.getByRole('link', { name: 'Bekijk de bestaande waarde in het dashboard' })).toHaveAttribute(
      'href',
      '/indicators?indicator=parent-contacts&scope=school%3A1',
    );
    expect(errorOf(/^Periode/)).toContain('Voor deze periode is al een waarde ingevoerd.');

    await user.click(screen.getByRole('button', { name: 'Vervang de bestaande waarde door 12' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/indicators'));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('W/"3"');
    expect(await patch.json()).toEqual({ value: '12' });
    expect(router.state.location.search).toBe('?indicator=parent-contacts&scope=school:1');
    expect(await screen.findByText('De waarde voor 2026-09 is bijgewerkt naar 12.')).toBeInTheDocument();
  }, SLOW);

  it('says so when the existing value was changed meanwhile (412), and shows it as it is now', async () => {
    let version = 3;
    mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/measurements' && req.method === 'POST') {
        return problem(409, 'Exists already.', { code: 'duplicate', existingId: 42, invalidParams: [] });
      }
      if (p === '/api/v1/measurements/42' && req.method === 'GET') {
        return json({ ...existing, value: version === 3 ? 30 : 33 }, { headers: { ETag: `W/"${version}"` } });
      }
      if (p === '/api/v1/measurements/42' && req.method === 'PATCH') {
        version = 4;
        return problem(412, 'The record has changed since you read it.');
      }
      return reference(req) ?? page([]);
    });
    const user = userEvent.setup();
    renderApp('/indicators/measurements/new', { user: boardAdmin });
    await fill(user, 'parent-contacts', '2026-09', '12');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const alert = await screen.findByTestId('duplicate');
    await user.click(await screen.findByRole('button', { name: 'Vervang de bestaande waarde door 12' }));
    expect(await within(alert).findByText(/Iemand anders heeft de bestaande waarde intussen gewijzigd/)).toBeInTheDocument();
    await waitFor(() => expect(alert).toHaveTextContent('al een waarde ingevoerd: 33 (meting 42)'));
  }, SLOW);

  it('enters a value for the board as a whole, with indicator and scope taken from the dashboard', async () => {
    const { calls } = mockFetch(async (req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/v1/measurements' && req.method === 'POST') {
        return json({ ...existing, id: 43, schoolId: null, period: '2026-10', value: 70 }, { status: 201 });
      }
      if (p === '/api/v1/boards') return page([{ id: 7, name: 'Stichting Spil Demo' }]);
      return reference(req) ?? page([]);
    });
    const user = userEvent.setup();
    const { router } = renderApp('/indicators/measurements/new?indicator=parent-contacts&scope=board%3A7', { user: boardAdmin });
    expect(await screen.findByLabelText(/^Indicator/)).toHaveValue('parent-contacts');
    expect(screen.getByLabelText(/^School of bestuur/)).toHaveValue('board:7');
    // Nothing is sent while a field is empty.
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(errorOf(/^Periode/)).toBe('⚠ Vul dit veld in.');
    expect(errorOf(/^Waarde/)).toBe('⚠ Vul dit veld in.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await pickPeriod(user, '2026-10');
    await user.type(screen.getByLabelText(/^Waarde/), '70');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=parent-contacts&scope=board:7'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post.json()).toEqual({ boardId: 7, indicator: 'parent-contacts', period: '2026-10', value: '70', note: null });
    expect(await screen.findByText('De waarde 70 voor 2026-10 is opgeslagen.')).toBeInTheDocument();
  }, SLOW);
});
