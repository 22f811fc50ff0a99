import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { page } from '../registry/testData';
import { parseValue } from './MeasurementFormPage';
import { catalogue } from './testData';

const SLOW = 20_000;

function reference(req: Request): Response | null {
  const p = new URL(req.url).pathname;
  if (p === '/api/v1/indicators') return json(catalogue);
  if (p === '/api/v1/schools') return page([{ id: 1, name: 'De Spil', boardId: 7 }]);
  return null;
}

function errorOf(label: RegExp): string {
  const field = screen.getByLabelText(label);
  expect(field).toHaveAttribute('aria-invalid', 'true');
  return document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent ?? '';
}

async function fill(user: ReturnType<typeof userEvent.setup>, indicator: string, period: string, value: string) {
  await user.selectOptions(await screen.findByLabelText(/^Indicator/), indicator);
  await user.selectOptions(screen.getByLabelText(/^School/), '1');
  await user.type(screen.getByLabelText(/^Periode/), period);
  await user.type(screen.getByLabelText(/^Waarde/), value);
}

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
    await fill(user, 'parent-evening-attendance', '2025-03', '120,5');
    expect(screen.getByText('Deze indicator wordt per schooljaar gemeten: JJJJ-JJJJ, bijvoorbeeld 2024-2025.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(screen.getByLabelText(/^Periode/)).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(/^Periode/)).toContain('Vul de periode in als JJJJ-JJJJ, bijvoorbeeld 2024-2025.');
    expect(errorOf(/^Waarde/)).toContain('Een percentage ligt tussen 0 en 100.');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({
      indicator: 'parent-evening-attendance',
      schoolId: 1,
      period: '2025-03',
      value: '120.5',
      note: null,
    });
  }, SLOW);

  it('explains a duplicate (409) with a link to the existing value', async () => {
    mockFetch(async (req) => {
      if (new URL(req.url).pathname === '/api/v1/measurements' && req.method === 'POST') {
        return problem(409, 'A value for this indicator, scope and period exists already (measurement 42).', {
          code: 'duplicate',
          existingId: 42,
          invalidParams: [{ name: 'period', in: 'body', code: 'duplicate', reason: 'Already measured.' }],
        });
      }
      return reference(req) ?? page([]);
    });
    const user = userEvent.setup();
    renderApp('/indicators/measurements/new', { user: boardAdmin });
    await fill(user, 'parent-contacts', '2026-09', '12');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const alert = await screen.findByTestId('duplicate');
    expect(alert).toHaveTextContent('meting 42');
    expect(screen.getByRole('link', { name: 'Bekijk de bestaande waarde in het dashboard' })).toHaveAttribute(
      'href',
      '/indicators?indicator=parent-contacts&scope=school:1',
    );
    expect(errorOf(/^Periode/)).toContain('Voor deze periode is al een waarde ingevoerd.');
  }, SLOW);
});
