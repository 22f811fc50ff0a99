import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp } from '../../test/utils';
import { coordinator, page } from '../../test/testData';
import { chartGeometry } from './TrendChart';
import { boardSeries, catalogue } from './testData';

const SLOW = 20_000;

const regionContact: User = {
  ...boardAdmin,
  id: 5,
  email: 'regio@demo.spil.nl',
  memberships: [{ id: 11, role: 'region-contact', scopeType: 'region', boardId: null, schoolId: null, regionId: 3, scopeName: 'Regio Utrecht' }],
};

function answer(req: Request): Response {
  const p = new URL(req.url).pathname;
  if (p === '/api/v1/indicators') return json(catalogue);
  if (p === '/api/v1/indicators/parent-contacts/series') return json(boardSeries);
  if (p === '/api/v1/boards') return page([{ id: 7, name: 'Stichting Spil Demo' }]);
  if (p === '/api/v1/schools') return page([{ id: 1, name: 'De Spil', boardId: 7 }]);
  return page([]);
}

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('the chart geometry', () => {
  it('draws a bar per measured point, labels missing and suppressed points and dashes the target', () => {
    const g = chartGeometry(boardSeries.points, 'count', 'higher-is-better', 'nl', { missing: '–', suppressed: '<5' });
    expect(g.bars.map((b) => [b.period, b.kind, b.label])).toEqual([
      ['2026-06', 'value', '✗ 48'],
      ['2026-07', 'missing', '–'],
      ['2026-08', 'suppressed', '<5'],
      ['2026-09', 'value', '✓ 60'],
    ]);
    expect(g.bars[1]!.height).toBe(0);
    expect(g.bars[3]!.height).toBeGreaterThan(g.bars[0]!.height);
    // Targets for June–July, none in August, again in September: two dashed runs, labelled with the last.
    expect(g.targetRuns).toHaveLength(2);
    expect(g.targetLabel?.value).toBe(55);
    expect(g.compact).toBe(false);
  });

  it('writes euro amounts short when twelve of them would run into each other', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      period: `2026-${String(i + 1).padStart(2, '0')}`,
      value: 3950 - i * 250,
      target: null,
      contributors: 2,
      suppressed: false,
    }));
    const crowded = chartGeometry(months, 'euro', 'neutral', 'nl', { missing: '–', suppressed: '<5' });
    expect(crowded.compact).toBe(true);
    expect(crowded.bars[0]!.label).toBe('€ 3,95K');
    const few = chartGeometry(months.slice(0, 3), 'euro', 'neutral', 'nl', { missing: '–', suppressed: '<5' });
    expect(few.compact).toBe(false);
    expect(few.bars[0]!.label).toBe('€ 3.950,00');
  });
});

describe('the indicators dashboard', () => {
  it('shows a board\'s series as a chart and as a table, with its schools compared', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/indicators', { user: boardAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Indicatoren' })).toBeInTheDocument();
    const table = await screen.findByTestId('series-table');
    expect(rows(table)).toEqual([
      ['2026-06', '48', '50', '✗ doel niet gehaald, 2 onder het doel', '2'],
      ['2026-07', 'geen waarde', '50', 'geen waarde om te vergelijken', '0'],
      ['2026-08', 'verborgen (<5)', '–', 'geen waarde om te vergelijken', '1'],
      ['2026-09', '60', '55', '✓ doel gehaald, 5 boven het doel', '2'],
    ]);
    expect(screen.getByTestId('direction')).toHaveTextContent('Hoger is beter');
    // how the board's figure follows from its schools' (the indicator's aggregation)
    expect(screen.getByTestId('aggregation')).toHaveTextContent('Voor een bestuur, gemeente of regio: de scholen opgeteld.');
    expect(screen.getByTestId('latest')).toHaveTextContent('Laatste waarde: 60 (2026-09): doel gehaald, 5 boven het doel.');
    const chart = screen.getByRole('img', { name: /Contactmomenten met ouders voor Stichting Spil Demo, 2026-06 tot en met 2026-09/ });
    expect(chart).toHaveTextContent('Doel 55');
    expect(chart.querySelectorAll('[data-testid="target-line"]').length).toBe(2);
    // 2026-07, where no school has a value, is folded away (and said so)
    expect(rows(screen.getByTestId('compare-table'))).toEqual([
      ['De Spil', '30', 'verborgen (<5)', '36'],
      ['De Tweede', '18', 'geen waarde', '24'],
    ]);
    expect(screen.getByTestId('compare-table')).toHaveTextContent('(1 periode zonder waarden weggelaten)');
    const series = calls.find((c) => c.url.includes('/series'))!;
    expect(new URL(series.url).searchParams.get('scope')).toBe('board:7');
    expect(new URL(series.url).searchParams.get('compare')).toBe('true');
    // Indicators grouped by domain; exports of the board's measurements.
    expect(within(screen.getByLabelText('Indicator')).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual([
      'Sleutelpersonen',
      'Vertrouwenswerk',
    ]);
    expect(screen.getByRole('link', { name: /^CSV ?\(Metingen\)$/ })).toHaveAttribute(
      'href',
      '/api/v1/exports/measurements?format=csv&boardId=7',
    );
    expect(screen.getByRole('link', { name: /^Excel \(XLSX\) ?\(Metingen\)$/ })).toHaveAttribute(
      'href',
      '/api/v1/exports/measurements?format=xlsx&boardId=7',
    );
  }, SLOW);

  it('asks for the chosen school and period range', async () => {
    const { calls } = mockFetch(answer);
    const user = userEvent.setup();
    renderApp('/indicators', { user: boardAdmin });
    await screen.findByTestId('series-table');
    await user.selectOptions(screen.getByLabelText('Bestuur, school, gemeente of regio'), 'school:1');
    await user.type(screen.getByLabelText('Vanaf periode'), '2026-01');
    await user.click(screen.getByRole('button', { name: 'Toon' }));
    await waitFor(() => {
      const last = new URL(calls.filter((c) => c.url.includes('/series')).at(-1)!.url).searchParams;
      expect([last.get('scope'), last.get('from'), last.get('compare')]).toEqual(['school:1', '2026-01', 'false']);
    });
    // a school's own figure needs no word on how it adds up
    await waitFor(() => expect(screen.queryByTestId('aggregation')).toBeNull());
  }, SLOW);

  it('offers a region contact the region and boards only, without comparison, entry or export', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/indicators', { user: regionContact });
    await screen.findByTestId('series-table');
    const options = within(screen.getByLabelText('Bestuur, school, gemeente of regio'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual(['board:7', 'region:3']);
    expect(screen.queryByTestId('compare-table')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Waarde invoeren' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^CSV ?\(Metingen\)$/ })).not.toBeInTheDocument();
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/schools')).toBe(false);
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveTextContent('Indicatoren');
  }, SLOW);

  it('lets the board administrator set a target for a picked month: a 400 marks the period, then saved and the series read again', async () => {
    let puts = 0;
    const { calls } = mockFetch(async (req) => {
      if (new URL(req.url).pathname === '/api/v1/targets' && req.method === 'PUT') {
        puts += 1;
        if (puts === 1) {
          return problem(400, 'The request has invalid fields.', {
            invalidParams: [{ name: 'period', in: 'body', code: 'wrong-period', reason: 'Not a month.' }],
          });
        }
        return json({ id: 9, indicator: 'parent-contacts', boardId: 7, schoolId: null, period: '2026-10', value: 65 });
      }
      return answer(req);
    });
    const user = userEvent.setup();
    renderApp('/indicators', { user: boardAdmin });
    await screen.findByTestId('series-table');
    const form = screen.getByRole('form', { name: 'Doel instellen' });
    const period = within(form).getByRole('group', { name: /^Periode/ });
    expect(within(period).getByRole('combobox', { name: 'Maand' })).toHaveValue('09');
    expect(within(period).getByRole('combobox', { name: 'Jaar' })).toHaveValue('2026');
    await user.type(within(form).getByLabelText(/^Doel/), 'veel');
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(within(form).getByLabelText(/^Doel/)).toHaveAttribute('aria-invalid', 'true');
    expect(form).toHaveTextContent('Vul een getal in, zoals 12 of 64,5.');
    expect(puts).toBe(0);

    await user.clear(within(form).getByLabelText(/^Doel/));
    await user.type(within(form).getByLabelText(/^Doel/), '65');
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    // the API refused the period: the whole picker is marked, with the reason
    await waitFor(() => expect(within(period).getByRole('combobox', { name: 'Maand' })).toHaveAttribute('aria-invalid', 'true'));
    expect(form).toHaveTextContent('Vul de periode in als JJJJ-MM, bijvoorbeeld 2025-03.');

    const seriesBefore = calls.filter((c) => c.url.includes('/series')).length;
    await user.selectOptions(within(period).getByRole('combobox', { name: 'Maand' }), 'oktober');
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByText('Het doel 65 voor 2026-10 is opgeslagen.')).toBeInTheDocument();
    const put = calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(await put.json()).toEqual({ boardId: 7, indicator: 'parent-contacts', period: '2026-10', value: '65' });
    await waitFor(() => expect(calls.filter((c) => c.url.includes('/series')).length).toBeGreaterThan(seriesBefore));
  }, SLOW);

  it('sets a target for a whole school year at once', async () => {
    const { calls } = mockFetch(async (req) => {
      if (new URL(req.url).pathname === '/api/v1/targets/year' && req.method === 'PUT') {
        const months = ['08', '09', '10', '11', '12'].map((m) => `2026-${m}`).concat(['01', '02', '03', '04', '05', '06', '07'].map((m) => `2027-${m}`));
        return json(months.map((period, i) => ({ id: i + 1, indicator: 'parent-contacts', boardId: 7, schoolId: null, period, value: 70 })));
      }
      return answer(req);
    });
    const user = userEvent.setup();
    renderApp('/indicators', { user: boardAdmin });
    await screen.findByTestId('series-table');
    const form = screen.getByRole('form', { name: 'Doel instellen' });
    await user.click(within(form).getByRole('radio', { name: 'Een heel jaar in één keer' }));
    const year = within(form).getByRole('combobox', { name: /^Jaar/ });
    expect(within(year).getByRole('group', { name: /Schooljaren/ })).toBeInTheDocument();
    await user.selectOptions(year, '2026–2027');
    await user.type(within(form).getByLabelText(/^Doel/), '70');
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    expect(await screen.findByText('Het doel 70 is opgeslagen voor de 12 perioden van 2026-2027.')).toBeInTheDocument();
    const put = calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(new URL(put.url).pathname).toBe('/api/v1/targets/year');
    expect(await put.json()).toEqual({ boardId: 7, indicator: 'parent-contacts', year: '2026-2027', value: '70' });
  }, SLOW);

  it('offers a coordinator the entry of values for the school, but not setting its target', async () => {
    const { calls } = mockFetch(answer);
    renderApp('/indicators', { user: coordinator });
    await screen.findByTestId('series-table');
    expect(new URL(calls.find((c) => c.url.includes('/series'))!.url).searchParams.get('scope')).toBe('school:1');
    expect(screen.getByRole('link', { name: 'Waarde invoeren' })).toHaveAttribute(
      'href',
      '/indicators/measurements/new?indicator=parent-contacts&scope=school%3A1',
    );
    expect(screen.getByRole('link', { name: 'Metingen importeren' })).toHaveAttribute('href', '/import?kind=measurements');
    expect(screen.queryByRole('form', { name: 'Doel instellen' })).not.toBeInTheDocument();
  }, SLOW);
});
