import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { regionContact } from '../areas/testData';
import { counsellor } from '../complaints/testData';
import { boardAdmin, json, mockFetch, renderApp } from '../../test/utils';
import { referenceAnswer } from '../../test/testData';

function gap(kind: string, severity: 'error' | 'warning' | 'info', schoolId: number, schoolName: string, name: string) {
  return { kind, severity, subject: { type: 'partnership', id: schoolId * 10, name }, message: '', boardId: 7, schoolId, schoolName, details: {} };
}

const gaps = {
  items: [
    gap('single-internal-contact', 'warning', 1, 'OBS De Spil', 'CJG Haarlem'),
    gap('no-internal-contact', 'error', 2, 'De Regenboog', 'GGD Kennemerland'),
    gap('expiring', 'warning', 1, 'OBS De Spil', 'Kinderopvang Zon'),
    gap('no-internal-contact', 'error', 1, 'OBS De Spil', 'Muziekschool'),
    gap('allowance-near-limit', 'warning', 1, 'OBS De Spil', 'Fatima El Amrani'),
  ],
  total: 5,
  page: 1,
  pageSize: 100,
  counts: { error: 2, warning: 3, info: 0 },
};

const recent = {
  since: '2026-12-01T08:00:00Z',
  total: 3,
  counts: [
    { entityType: 'partnership', action: 'update', count: 2 },
    { entityType: 'person', action: 'create', count: 1 },
  ],
  latest: [
    { occurredAt: '2026-12-04T09:30:00Z', entityType: 'partnership', entityId: 41, action: 'update', label: 'CJG Haarlem', schoolId: 1, actorLabel: 'Anna de Vries' },
    { occurredAt: '2026-12-03T09:30:00Z', entityType: 'person', entityId: 9, action: 'create', label: 'Bert Smit', schoolId: 1, actorLabel: 'ParnasSys' },
  ],
};

function answer(req: Request): Response {
  const url = new URL(req.url);
  const reference = referenceAnswer(url.pathname);
  if (reference) return reference;
  if (url.pathname === '/api/v1/gaps') return json(gaps);
  if (url.pathname === '/api/v1/recent-changes') return json(recent);
  if (url.pathname === '/api/v1/confidential-cases') return json({ items: [], total: 3, page: 1, pageSize: 1 });
  return json({ items: [], total: 0, page: 1, pageSize: 100 });
}

describe('the home page answers "what needs my attention?"', () => {
  it('shows a board administrator the counts, the three most urgent first and the schools side by side', async () => {
    mockFetch(answer);
    renderApp('/', { user: boardAdmin });
    const attention = await screen.findByTestId('attention');
    expect(await within(attention).findByTestId('attention-counts')).toHaveTextContent('2 urgent, 3 waarschuwingen, 0 ter info.');
    const urgent = within(attention).getAllByRole('listitem').slice(0, 3);
    expect(urgent.map((li) => li.getAttribute('data-kind'))).toEqual(['no-internal-contact', 'no-internal-contact', 'single-internal-contact']);
    expect(within(attention).getByTestId('attention-allowances')).toHaveTextContent('OBS De Spil');
    const agreements = within(attention).getByTestId('attention-agreements');
    expect(within(agreements).getAllByRole('listitem').map((li) => li.getAttribute('data-kind'))).toEqual(['expiring']);
    expect(agreements).toHaveTextContent('Kinderopvang Zon');
    const schools = within(attention).getByRole('table', { name: 'De scholen naast elkaar' });
    const rows = within(schools).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['OBS De Spil13', 'De Regenboog10']);
  });

  it('says what others changed since the previous visit, with links to the records', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/', { user: { ...boardAdmin, previousLoginAt: '2026-12-01T08:00:00Z' } });
    const section = await screen.findByTestId('recent-changes');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(/^Sinds uw vorige bezoek \(1 dec\.? 2026/);
    expect(await within(section).findByText(/3 wijzigingen door anderen:/)).toHaveTextContent('Samenwerking gewijzigd: 2; Persoon aangemaakt: 1.');
    expect(within(section).getByRole('link', { name: 'CJG Haarlem' })).toHaveAttribute('href', '/partnerships/41');
    expect(within(section).getByText(/door Anna de Vries/)).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/recent-changes');
    expect(asked?.searchParams.get('since')).toBe('2026-12-01T08:00:00Z');
  });

  it('the first time, shows the past week', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/', { user: { ...boardAdmin, previousLoginAt: null } });
    expect(await screen.findByRole('heading', { name: 'Wat er de afgelopen week veranderde' })).toBeInTheDocument();
    const asked = calls.map((c) => new URL(c.url)).find((u) => u.pathname === '/api/v1/recent-changes');
    expect(asked?.searchParams.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
  });

  it('tells a confidential counsellor how many cases are open', async () => {
    mockFetch(answer);
    renderApp('/', { user: counsellor });
    expect(await screen.findByTestId('attention-cases')).toHaveTextContent('Er zijn 3 meldingen vertrouwenswerk open.');
  });

  it('asks nothing for a region contact, whose overview is one click away', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/', { user: regionContact });
    expect(await screen.findByRole('heading', { level: 1, name: /^Welkom/ })).toBeInTheDocument();
    expect(screen.queryByTestId('attention')).toBeNull();
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/gaps')).toBe(false);
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/recent-changes')).toBe(false);
  });
});
