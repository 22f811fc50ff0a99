import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderApp } from '../../test/utils';
import { demoBoardAdmin, page, school } from '../../test/testData';

describe('the annual report', () => {
  it('shows small numbers as "<5" in the table and the chart, without a total, with a CSV link', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/confidential-cases/report') {
        expect(url.searchParams.get('year')).toBe('2026');
        return json({
          year: 2026,
          suppressed: true,
          total: null,
          cells: [
            { area: 'undesirable-behaviour', group: 'pupil', outcome: 'resolved', count: 6, display: '6' },
            { area: 'undesirable-behaviour', group: 'parent', outcome: 'open', count: null, display: '<5' },
            { area: 'domestic-violence', group: 'staff', outcome: 'referred', count: null, display: '<5' },
          ],
        });
      }
      if (url.pathname === '/api/v1/schools') return page([school]);
      return page([]);
    });
    renderApp('/confidential-cases/report?year=2026', { user: demoBoardAdmin });

    const table = await screen.findByRole('table', { name: 'Registraties in 2026 per onderwerp, melder en uitkomst' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Huiselijk geweld en kindermishandelingMedewerkerDoorverwezen<5minder dan 5',
      'Ongewenst gedrag (pesten, discriminatie, agressie)LeerlingOpgelost6',
      'Ongewenst gedrag (pesten, discriminatie, agressie)OuderNog open<5minder dan 5',
    ]);
    expect(screen.getByText(/Aantallen onder de 5 staan er als “<5”/)).toBeInTheDocument();
    expect(screen.queryByText(/^Totaal/)).not.toBeInTheDocument();
    const chart = screen.getByRole('img', { name: 'Registraties per onderwerp in 2026' });
    expect(chart).toHaveTextContent('6 + kleine aantallen');
    expect(screen.getByRole('link', { name: 'Download als CSV' })).toHaveAttribute(
      'href',
      '/api/v1/confidential-cases/report?year=2026&format=csv',
    );
    // The register itself is the counsellors' only.
    expect(screen.queryByRole('link', { name: 'Registratie' })).not.toBeInTheDocument();
  });
});
