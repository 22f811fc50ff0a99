import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { boardAdmin, json, mockFetch, renderApp } from '../../test/utils';
import { regionContact } from '../areas/testData';
import { coordinator, referenceAnswer } from '../../test/testData';

const gaps = {
  items: [
    {
      kind: 'single-internal-contact',
      severity: 'warning',
      subject: { type: 'partnership', id: 2, name: 'CJG Haarlem' },
      message: 'The contact with CJG Haarlem rests on one person; add a second contact.',
      boardId: 1,
      schoolId: 1,
      schoolName: 'OBS De Spil',
      details: {},
    },
  ],
  total: 1,
  page: 1,
  pageSize: 100,
  counts: { error: 0, warning: 1, info: 0 },
};

function answer(req: Request): Response {
  const p = new URL(req.url).pathname;
  const reference = referenceAnswer(p);
  if (reference) return reference;
  if (p === '/api/v1/gaps') return json(gaps);
  return json({ items: [], total: 0, page: 1, pageSize: 100 });
}

describe('the gaps dashboard', () => {
  it('is where a coordinator lands, once per login; the home page stays reachable', async () => {
    mockFetch(answer);
    const user = userEvent.setup();
    const { router } = renderApp('/', { user: coordinator });
    expect(await screen.findByRole('heading', { level: 1, name: 'Knelpunten en hiaten' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/gaps');

    const warnings = await screen.findByRole('region', { name: /Waarschuwingen/ });
    const item = within(warnings).getByRole('listitem');
    expect(item).toHaveTextContent('Continuïteitsrisico');
    expect(item).toHaveTextContent('Het contact met CJG Haarlem rust op één persoon.');
    expect(screen.queryByText(/rests on one person/)).not.toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Open de samenwerking met CJG Haarlem' })).toHaveAttribute('href', '/partnerships/2');

    await user.click(screen.getByRole('link', { name: 'Overzicht' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Welkom/ })).toBeInTheDocument();
  });

  it('does not send a board administrator away from the home page', async () => {
    mockFetch(answer);
    const { router } = renderApp('/', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: /^Welkom/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('tells a region contact what it cannot show instead of "alles is op orde", and asks the API nothing', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/gaps', { user: regionContact });
    expect(await screen.findByRole('heading', { level: 1, name: 'Knelpunten en hiaten' })).toBeInTheDocument();
    expect(screen.getByTestId('gaps-not-for-role')).toHaveTextContent('Met uw rol ziet u geen knelpunten van scholen');
    expect(screen.queryByText(/alles is op orde/)).toBeNull();
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/gaps')).toBe(false);
  });
});
