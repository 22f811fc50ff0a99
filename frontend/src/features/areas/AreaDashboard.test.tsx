import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { json, mockFetch, problem, renderApp, menuLink } from '../../test/utils';
import { barGeometry } from './BarChart';
import { HAARLEM, haarlemOverview, municipalityContact, platformAdmin, regionContact, SCHOOLS } from './testData';

const SLOW = 20_000;

function path(req: Request) {
  return new URL(req.url).pathname;
}

function page<T>(items: T[]) {
  return json({ items, total: items.length, page: 1, pageSize: 100 });
}

/** Haarlem's overview, filtered by board and sector as the API does. */
function answer(req: Request): Response {
  const url = new URL(req.url);
  if (url.pathname === `/api/v1/municipalities/${HAARLEM}/overview`) {
    const boardId = Number(url.searchParams.get('boardId') ?? 0);
    const sector = url.searchParams.get('sector');
    const items = SCHOOLS.filter((s) => (!boardId || s.boardId === boardId) && (!sector || s.sector === sector));
    return json(haarlemOverview(items, { pageSize: Number(url.searchParams.get('pageSize') ?? 20) }));
  }
  return page([]);
}

function overviewCalls(calls: Request[]) {
  return calls.filter((c) => path(c) === `/api/v1/municipalities/${HAARLEM}/overview`).map((c) => new URL(c.url).searchParams);
}

function rowOf(name: string): HTMLElement {
  const table = screen.getByTestId('area-schools-table');
  return within(table).getAllByRole('row').find((r) => r.textContent?.includes(name))!;
}

describe('the area dashboard', () => {
  it('is in the menu of a municipal contact point, and shows the schools of every board with ✓/✗ per role, also in words', async () => {
    mockFetch(answer);
    const { router } = renderApp('/', { user: municipalityContact });
    await userEvent.click(await menuLink('Mijn gemeente'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Haarlem' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/gebied/gemeente/${HAARLEM}`);
    expect(screen.getByText('Gemeente', { selector: '.area-kicker' })).toBeInTheDocument();
    expect(screen.getByTestId('area-boards')).toHaveTextContent('2');
    expect(screen.getByTestId('area-schools')).toHaveTextContent('3 (PO 3)');
    expect(screen.getByText('Berekend op').nextElementSibling).toHaveTextContent('24 nov 2026');
    expect(screen.getByTestId('school-count')).toHaveTextContent('3 scholen');

    // CBS De Ark misses both statutory roles: ✗ for the eye, "ontbreekt" for screen readers.
    const ark = rowOf('CBS De Ark');
    const statutory = ark.querySelectorAll('td[data-required="law"]');
    expect(statutory).toHaveLength(2);
    for (const cell of statutory) {
      expect(cell).toHaveTextContent('✗');
      expect(within(cell as HTMLElement).getByText('ontbreekt')).toHaveClass('visually-hidden');
    }
    const spil = rowOf('OBS De Spil');
    for (const cell of spil.querySelectorAll('td[data-role]')) expect(cell).toHaveTextContent('✓ingevuld');
    expect(within(spil).getByRole('link', { name: 'Routewijzer van OBS De Spil' })).toHaveAttribute(
      'href',
      '/openbaar/scholen/12AB00/klachtenroutes',
    );
    expect(screen.getByRole('columnheader', { name: 'Interne vertrouwenspersoon (wettelijk verplicht)' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Contactpunt sleutelpersonen (richtlijn)' })).toBeInTheDocument();
  }, SLOW);

  it('lists the coverage per role with the schools that miss it, and explains "<5"', async () => {
    mockFetch(answer);
    renderApp(`/gebied/gemeente/${HAARLEM}`, { user: municipalityContact });
    const coverage = await screen.findByTestId('coverage-list');
    const items = within(coverage).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('h3')?.textContent)).toEqual([
      'Interne vertrouwenspersoon wettelijk verplicht',
      'Aanspreekpunt pesten wettelijk verplicht',
      'Contactpunt sleutelpersonen richtlijn',
    ]);
    expect(items[0]).toHaveTextContent('Ingevuld bij 2 van 3 scholen');
    expect(items[0]).toHaveTextContent('Ontbreekt bij: CBS De Ark');
    expect(items[1]).toHaveTextContent('Ontbreekt bij: Basisschool De Regenboog, CBS De Ark');

    // Key persons: fewer than five, so the count is "<5", with the reason.
    expect(screen.getByTestId('key-person-count')).toHaveTextContent('<5 (minder dan vijf)');
    expect(screen.getByTestId('key-person-languages')).toHaveTextContent('niet getoond (kleine aantallen)');
    const notes = screen.getAllByTestId('small-numbers-note');
    expect(notes[0]).toHaveTextContent('<5 betekent minder dan vijf: kleine aantallen worden niet getoond, zodat niemand herkenbaar is.');
    const quarters = within(screen.getByTestId('quarter-table')).getAllByRole('row').map((r) => r.textContent);
    expect(quarters).toEqual(['KwartaalActiviteitenOuders bereikt', '2026-Q3431', '2026-Q4212']);

    // Confidential cases as the API shows them, per problem area by its name.
    const cases = within(screen.getByTestId('cases-table')).getAllByRole('row').map((r) => r.textContent);
    expect(cases).toEqual(['ProbleemgebiedZaken', 'Huiselijk geweld en kindermishandeling<5', 'Ongewenst gedrag (pesten, discriminatie, agressie)0', 'Totaal<5']);

    // Partnerships by category: the chart and the same figures in a table.
    expect(screen.getByTestId('category-chart')).toHaveAccessibleName(/actieve samenwerkingen per soort partner in Haarlem/);
    const categories = within(screen.getByTestId('category-table')).getAllByRole('row').map((r) => r.textContent);
    expect(categories).toEqual(['Soort partnerSamenwerkingenScholen', 'Jeugdhulp / CJG32', 'Cultuur21']);
    const levels = within(screen.getByTestId('level-table')).getAllByRole('row').map((r) => r.textContent);
    expect(levels).toEqual(['NiveauAantal', 'Leerling3', 'Groep of klas0', 'School2']);
    const statuses = within(screen.getByTestId('status-table')).getAllByRole('row').map((r) => r.textContent);
    expect(statuses).toEqual(['StatusAantal', 'Verkennend1', 'Actief5', 'Gepauzeerd0', 'Beëindigd0']);

    // The indicators of the area, and the overview as files.
    expect(screen.getByRole('link', { name: 'Indicatoren voor Haarlem' })).toHaveAttribute('href', `/indicators?scope=municipality:${HAARLEM}`);
    expect(screen.getByRole('link', { name: /^CSV/ })).toHaveAttribute('href', `/api/v1/municipalities/${HAARLEM}/overview/export?format=csv`);
    expect(screen.getByRole('link', { name: /XLSX/ })).toHaveAttribute('href', `/api/v1/municipalities/${HAARLEM}/overview/export?format=xlsx`);

    // Schools are named, people never.
    const main = screen.getByRole('main');
    for (const name of ['Chris Coördinator', 'Vera Vertrouwen', 'Gijs Gemeente']) expect(main).not.toHaveTextContent(name);
  }, SLOW);

  it('filters the schools by board and sector through the API, and pages', async () => {
    const { calls } = mockFetch(answer);
    const { router } = renderApp(`/gebied/gemeente/${HAARLEM}`, { user: municipalityContact });
    await screen.findByRole('heading', { level: 1, name: 'Haarlem' });
    const board = screen.getByLabelText('Bestuur');
    // The boards come from the area's schools, every board once.
    await waitFor(() =>
      expect(within(board).getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Alle besturen',
        'Stichting Spil Demo',
        'Stichting Tweede Demo',
      ]),
    );
    expect(overviewCalls(calls).some((q) => q.get('pageSize') === '100' && !q.has('boardId'))).toBe(true);

    await userEvent.selectOptions(board, '2');
    await userEvent.selectOptions(screen.getByLabelText('Sector'), 'PO');
    await userEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    await waitFor(() => expect(screen.getByTestId('school-count')).toHaveTextContent('1 van de 3 scholen'));
    const last = overviewCalls(calls).at(-1)!;
    expect(last.get('boardId')).toBe('2');
    expect(last.get('sector')).toBe('PO');
    expect(last.get('page')).toBe('1');
    expect(router.state.location.search).toBe('?boardId=2&sector=PO');
    const table = screen.getByTestId('area-schools-table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(rowOf('CBS De Ark')).toBeInTheDocument();
    // The area's figures do not change with the filter.
    expect(screen.getByTestId('coverage-list')).toHaveTextContent('Ingevuld bij 2 van 3 scholen');

    await userEvent.click(screen.getByRole('button', { name: 'Wissen' }));
    await waitFor(() => expect(screen.getByTestId('school-count')).toHaveTextContent('3 scholen'));
    expect(router.state.location.search).toBe('');
  }, SLOW);

  it('pages through a long list of schools', async () => {
    const { calls } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === `/api/v1/municipalities/${HAARLEM}/overview`) {
        return json(haarlemOverview(SCHOOLS, { total: 45, page: Number(url.searchParams.get('page') ?? 1), pageSize: 20 }));
      }
      return page([]);
    });
    renderApp(`/gebied/gemeente/${HAARLEM}`, { user: municipalityContact });
    await screen.findByText('Pagina 1 van 3');
    await userEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Pagina 2 van 3');
    expect(overviewCalls(calls).at(-1)!.get('page')).toBe('2');
  }, SLOW);

  it('shows a region with the municipality of each school, for its contact point', async () => {
    mockFetch((req) => {
      if (path(req) === '/api/v1/regions/37/overview') {
        const o = haarlemOverview();
        return json({ ...o, area: { type: 'region', id: 37, code: 'AM37', name: 'Zuid-Kennemerland en IJmond', kind: 'labour-market' } });
      }
      return page([]);
    });
    renderApp('/', { user: regionContact });
    await userEvent.click(await menuLink('Mijn regio'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zuid-Kennemerland en IJmond' })).toBeInTheDocument();
    expect(screen.getByText('Arbeidsmarktregio', { selector: '.area-kicker' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Gemeente' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Indicatoren voor Zuid-Kennemerland en IJmond' })).toHaveAttribute('href', '/indicators?scope=region:37');
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', { name: "Regio's", hidden: true })).not.toBeInTheDocument();
  }, SLOW);

  it('offers a chooser to someone who is the contact point of several areas', async () => {
    const both: User = { ...municipalityContact, memberships: [...municipalityContact.memberships, ...regionContact.memberships] };
    mockFetch(answer);
    renderApp('/', { user: both });
    await userEvent.click(await menuLink('Mijn gebieden'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn gebieden' })).toBeInTheDocument();
    const choices = screen.getByTestId('area-choices');
    expect(within(choices).getByRole('link', { name: 'Haarlem' })).toHaveAttribute('href', `/gebied/gemeente/${HAARLEM}`);
    expect(within(choices).getByRole('link', { name: 'Zuid-Kennemerland en IJmond' })).toHaveAttribute('href', '/gebied/regio/37');
  }, SLOW);

  it('answers an area outside the user\'s scope (404) with the not-found page', async () => {
    mockFetch((req) => (path(req) === '/api/v1/municipalities/363/overview' ? problem(404, 'Not found.') : page([])));
    renderApp('/gebied/gemeente/363', { user: municipalityContact });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  });

  it('is not offered to school staff', async () => {
    const staff: User = {
      ...municipalityContact,
      memberships: [{ id: 3, role: 'coordinator', scopeType: 'school', boardId: null, schoolId: 1, regionId: null, scopeName: 'OBS De Spil' }],
    };
    const { calls } = mockFetch(() => page([]));
    renderApp(`/gebied/gemeente/${HAARLEM}`, { user: staff });
    expect(await screen.findByRole('alert')).toHaveTextContent('U heeft geen toestemming');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(nav).not.toHaveTextContent('Mijn gemeente');
    expect(calls.filter((c) => path(c).includes('/overview'))).toHaveLength(0);
  });

  it('is in English too', async () => {
    mockFetch(answer);
    window.localStorage.setItem('spil.language', 'en');
    const { setupI18n } = await import('../../i18n');
    await setupI18n().changeLanguage('en');
    renderApp(`/gebied/gemeente/${HAARLEM}`, { user: municipalityContact });
    expect(await screen.findByRole('heading', { level: 2, name: 'Coverage of roles' })).toBeInTheDocument();
    expect(within(rowOf('CBS De Ark')).getAllByText('missing')).toHaveLength(3);
    expect(screen.getAllByTestId('small-numbers-note')[0]).toHaveTextContent('small numbers are not shown');
    expect(screen.getByRole('columnheader', { name: 'Internal confidential counsellor (required by law)' })).toBeInTheDocument();
  }, SLOW);
});

describe('the indicators dashboard for an area', () => {
  it('lets a municipal contact point pick their municipality, and takes it from the address', async () => {
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/indicators')
        return json([
          { id: 1, code: 'parent-contacts', boardId: null, nameNl: 'Contactmomenten met ouders', nameEn: 'Contacts with parents', descriptionNl: null, descriptionEn: null, unit: 'count', direction: 'higher-is-better', aggregation: 'sum', frequency: 'month', domain: 'key-persons', derived: true, source: null },
        ]);
      if (p === '/api/v1/indicators/parent-contacts/series')
        return json({ indicator: 'parent-contacts', scope: `municipality:${HAARLEM}`, scopeName: 'Haarlem', points: [], schools: null });
      return page([]);
    });
    renderApp(`/indicators?scope=municipality:${HAARLEM}`, { user: municipalityContact });
    const scope = await screen.findByLabelText('Bestuur, school, gemeente of regio');
    await waitFor(() => expect(scope).toHaveValue(`municipality:${HAARLEM}`));
    expect(within(scope).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Gemeenten']);
    await waitFor(() => expect(calls.some((c) => new URL(c.url).searchParams.get('scope') === `municipality:${HAARLEM}`)).toBe(true));
  }, SLOW);

  it('offers the platform administrator the area from the address, named by the series', async () => {
    mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/indicators')
        return json([
          { id: 1, code: 'parent-contacts', boardId: null, nameNl: 'Contactmomenten met ouders', nameEn: 'Contacts with parents', descriptionNl: null, descriptionEn: null, unit: 'count', direction: 'higher-is-better', aggregation: 'sum', frequency: 'month', domain: 'key-persons', derived: true, source: null },
        ]);
      if (p === '/api/v1/indicators/parent-contacts/series')
        return json({ indicator: 'parent-contacts', scope: 'region:40', scopeName: 'GGD Kennemerland', points: [], schools: null });
      return page([]);
    });
    renderApp('/indicators?scope=region:40', { user: platformAdmin });
    const scope = await screen.findByLabelText('Bestuur, school, gemeente of regio');
    await waitFor(() => expect(within(scope).getByRole('option', { name: 'GGD Kennemerland' })).toBeInTheDocument());
    expect(scope).toHaveValue('region:40');
  }, SLOW);
});

describe('the bar chart', () => {
  it('scales the bars to the largest value and keeps a zero visible as a hairline', () => {
    const g = barGeometry([
      { key: 'a', label: 'Jeugdhulp', value: 4 },
      { key: 'b', label: 'Cultuur', value: 2 },
      { key: 'c', label: 'Sport', value: 0 },
    ]);
    expect(g.rows[0]!.width).toBeGreaterThan(g.rows[1]!.width);
    expect(g.rows[1]!.width).toBeCloseTo(g.rows[0]!.width / 2);
    expect(g.rows[2]!.width).toBe(1);
    expect(g.height).toBe(3 * 40 + 4);
  });
});
