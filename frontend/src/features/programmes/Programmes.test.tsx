import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/programmes.en.json';
import nl from '../../i18n/programmes.nl.json';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { expectMatchingTranslations } from '../../test/translations';
import { page, referenceAnswer } from '../../test/testData';
import { formatPeriod, periodOptions, schoolYearOf } from './format';
import { programmeGapText } from './gapText';
import { headlineTotals } from './LinesBoard';
import { axisMax } from './ResultsChart';
import {
  initiatives,
  leadAdmin,
  lines,
  members,
  POOL_REASON,
  programme,
  PROGRAMME_ID,
  results,
  shared,
  sideEntry,
  THIRD,
  thirdAdmin,
} from './testData';
import type { Initiative, Programme } from './types';

const SLOW = 20_000;
const BASE = `/api/v1/regional-programmes/${PROGRAMME_ID}`;

function programmeApi({ current = programme(), initiative = sideEntry(), onResultPost, onContactPatch }: {
  current?: Programme;
  initiative?: Initiative;
  onResultPost?: (req: Request) => Response | Promise<Response>;
  onContactPatch?: (req: Request) => Response | Promise<Response>;
} = {}) {
  return async (req: Request): Promise<Response> => {
    const p = new URL(req.url).pathname;
    if (p === '/api/v1/regional-programmes') return json([current]);
    if (p === BASE) return json(current, { headers: { ETag: '"p1"' } });
    if (p === `${BASE}/lines`) return json(lines);
    if (p === `${BASE}/initiatives`) return json(initiatives);
    if (p === `${BASE}/members`) return json(members);
    if (p === `${BASE}/partnerships`) return json(shared);
    if (p === `${BASE}/initiatives/21/results` && req.method === 'POST' && onResultPost) return onResultPost(req);
    if (p === `${BASE}/initiatives/21/results`) return json(results);
    if (p === `${BASE}/initiatives/21/participants/${THIRD}` && onContactPatch) return onContactPatch(req);
    if (p === `${BASE}/initiatives/21`) return json(initiative);
    if (p === '/api/v1/people') return page([{ id: 90, name: 'Noor de Wit', boardId: THIRD }]);
    if (p.startsWith(BASE)) return problem(404, 'Not found');
    return referenceAnswer(p) ?? page([]);
  };
}

describe('the programme page', () => {
  it('shows the header, the lines with their initiatives, status in words, the ended reason and the headline results', async () => {
    mockFetch(programmeApi());
    renderApp(`/programmas/${PROGRAMME_ID}`, { user: leadAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'RAP Zuid-Kennemerland' })).toBeInTheDocument();
    const header = screen.getByTestId('programme-header');
    expect(header).toHaveTextContent('RAP (regionaal aanpakplan)');
    expect(header).toHaveTextContent('Onderwijsregio Zuid-Kennemerland');
    expect(header).toHaveTextContent('Stichting Spil Demo');
    expect(header).toHaveTextContent('Projectleider RAP Zuid-Kennemerland');
    expect(header).toHaveTextContent('RAP-subsidie');
    expect(within(header).getByRole('link', { name: 'Regionaal aanpakplan' })).toHaveAttribute('href', 'https://example.org/rap.pdf');

    const board = await screen.findByTestId('lines-board');
    const columns = within(board).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(columns).toEqual(['Doelgroepenbeleid', 'Opleiden', 'Arbeidsvoorwaarden', 'Anders organiseren']);
    const cards = within(board).getAllByTestId('initiative-card');
    const byName = (name: string) => cards.find((c) => c.textContent?.includes(name))!;
    const side = byName('Zij-instroomtraject');
    expect(side).toHaveTextContent('Loopt');
    expect(side).toHaveTextContent('Dit initiatief loopt.');
    expect(side).toHaveTextContent('Stichting Spil Demo, Stichting Derde Demo');
    expect(side).toHaveTextContent('Gestarte zij-instromers 2025/2026: 3');
    const pool = byName('Gezamenlijke vervangingspool');
    expect(within(pool).getByTestId('status-words')).toHaveTextContent('Dit initiatief is beëindigd.');
    expect(within(pool).getByTestId('ended-reason')).toHaveTextContent(`Reden van beëindigen: ${POOL_REASON}`);
    expect(byName('AD PEP')).toHaveTextContent('In voorbereiding');
    expect(within(side).queryByTestId('ended-reason')).toBeNull();
    // A keeper adds lines and initiatives.
    expect(screen.getByTestId('line-form')).toBeInTheDocument();
    expect(screen.getByTestId('initiative-form')).toBeInTheDocument();
  }, SLOW);

  it('lists the members with their dates, and warns where a board has no contact for a shared partnership', async () => {
    mockFetch(programmeApi());
    renderApp(`/programmas/${PROGRAMME_ID}`, { user: leadAdmin });
    const table = await screen.findByTestId('members-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Stichting Spil Demo');
    expect(rows[0]).toHaveTextContent('Penvoerder');
    expect(rows[1]).toHaveTextContent('1 september 2024');
    expect(within(rows[1]!).getByRole('button', { name: 'Vertrekt op: Stichting Derde Demo' })).toBeInTheDocument();
    expect(within(rows[0]!).queryByRole('button')).toBeNull();

    const partnerships = await screen.findByTestId('shared-partnerships');
    expect(partnerships).toHaveTextContent('Jeugd- en gezinsteams Zuid-Kennemerland');
    expect(partnerships).toHaveTextContent('Chris Coördinator');
    const warnings = within(partnerships).getAllByTestId('no-contact-warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toHaveTextContent('Nog geen contactpersoon bij Stichting Derde Demo');
  }, SLOW);

  it('gives a member board the programme to read, without the keepers\' forms', async () => {
    mockFetch(programmeApi({ current: programme({ canEdit: false }) }));
    renderApp(`/programmas/${PROGRAMME_ID}`, { user: thirdAdmin });
    await screen.findByTestId('lines-board');
    expect(screen.getByText(/U kunt dit programma lezen/)).toBeInTheDocument();
    expect(screen.queryByTestId('line-form')).toBeNull();
    expect(screen.queryByTestId('initiative-form')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Vertrekt op/ })).toBeNull();
  }, SLOW);

  it('shows "not found" for a programme the board is no member of', async () => {
    mockFetch(async (req) => (new URL(req.url).pathname.startsWith('/api/v1/regional-programmes') ? problem(404, 'Not found') : page([])));
    renderApp(`/programmas/${PROGRAMME_ID}`, { user: thirdAdmin });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  }, SLOW);
});

describe('the initiative page', () => {
  it('shows the totals per period as a chart and a table, and the figures per board', async () => {
    mockFetch(programmeApi({ current: programme({ canEdit: false }) }));
    renderApp(`/programmas/${PROGRAMME_ID}/initiatieven/21`, { user: thirdAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Zij-instroomtraject' })).toBeInTheDocument();
    expect(screen.getByTestId('initiative-status')).toHaveTextContent('Dit initiatief loopt.');
    expect(within(screen.getByTestId('results-chart')).getByRole('img', { name: /Totalen per periode: Gestarte zij-instromers/ })).toBeInTheDocument();
    const rows = within(screen.getByTestId('totals-table')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      'IndicatorPeriodeTotaalBesturen',
      'Gestarte zij-instromers2024/202542',
      'Gestarte zij-instromers2025/202632',
    ]);
    const perBoard = await screen.findByTestId('results-table');
    expect(within(perBoard).getAllByRole('row')).toHaveLength(3);
    // Only its own board's figure can be removed by the member board.
    expect(within(perBoard).getAllByRole('button', { name: /^Verwijderen:/ })).toHaveLength(1);
    expect(within(perBoard).getByRole('button', { name: /^Verwijderen: Stichting Derde Demo/ })).toBeInTheDocument();
  }, SLOW);

  it('shows why an ended initiative ended', async () => {
    mockFetch(programmeApi({ initiative: { ...sideEntry(), status: 'ended', endedReason: POOL_REASON } }));
    renderApp(`/programmas/${PROGRAMME_ID}/initiatieven/21`, { user: thirdAdmin });
    expect(await screen.findByTestId('ended-reason')).toHaveTextContent(POOL_REASON);
    expect(screen.getByTestId('initiative-status')).toHaveTextContent('Beëindigd');
  }, SLOW);

  it('adds a result for the member board\'s own board, with indicator, period and value', async () => {
    const posted: unknown[] = [];
    mockFetch(
      programmeApi({
        current: programme({ canEdit: false }),
        onResultPost: async (req) => {
          posted.push(await req.json());
          return json({ ...results[1], id: 53, period: '2023-2024', value: 2 }, { status: 201 });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/programmas/${PROGRAMME_ID}/initiatieven/21`, { user: thirdAdmin });
    const form = await screen.findByTestId('result-form');
    // Only its own board to choose.
    expect(within(form).getByLabelText(/^Bestuur/)).toHaveDisplayValue('Stichting Derde Demo');
    await user.click(within(form).getByRole('button', { name: 'Resultaat toevoegen' }));
    expect(await within(form).findByText('Kies een periode.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(/^Indicator/), 'side-entrants-started');
    const period = within(form).getByLabelText(/^Periode/);
    const options = within(period).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(options.slice(1).every((v) => /^\d{4}-\d{4}$/.test(v ?? ''))).toBe(true);
    await user.selectOptions(period, options[3]!);
    await user.type(within(form).getByLabelText(/^Waarde/), '2');
    await user.click(within(form).getByRole('button', { name: 'Resultaat toevoegen' }));
    await screen.findByText('Het resultaat is toegevoegd.');
    expect(posted).toEqual([{ boardId: THIRD, indicator: 'side-entrants-started', period: options[3], value: 2, note: null }]);
  }, SLOW);

  it('lets the member board name its own contact from its people, with the initiative\'s ETag', async () => {
    const patches: { body: unknown; ifMatch: string | null }[] = [];
    mockFetch(
      programmeApi({
        current: programme({ canEdit: false }),
        onContactPatch: async (req) => {
          patches.push({ body: await req.json(), ifMatch: req.headers.get('If-Match') });
          return json({ boardId: THIRD, boardName: 'Stichting Derde Demo', contact: { personId: 90, name: 'Noor de Wit', email: null, phone: null } });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/programmas/${PROGRAMME_ID}/initiatieven/21`, { user: thirdAdmin });
    const participants = await screen.findByTestId('participants');
    expect(participants).toHaveTextContent('Dewi Directeur');
    expect(participants).toHaveTextContent('Nog geen contactpersoon');
    expect(screen.queryByTestId('contact-form-1')).toBeNull();
    const form = screen.getByTestId(`contact-form-${THIRD}`);
    const select = within(form).getByLabelText('Contactpersoon van Stichting Derde Demo');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(select, '90');
    await user.click(within(form).getByRole('button', { name: 'Contactpersoon opslaan' }));
    await screen.findByText('De contactpersoon van Stichting Derde Demo is opgeslagen.');
    expect(patches).toEqual([{ body: { contactPersonId: 90 }, ifMatch: '"i21"' }]);
  }, SLOW);
});

describe('the programmes on a board page and in the menu', () => {
  it('lists the programmes the board takes part in', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/regional-programmes') {
        expect(url.searchParams.get('boardId')).toBe(String(THIRD));
        return json([programme()]);
      }
      if (url.pathname === `/api/v1/boards/${THIRD}`) {
        return json(
          { id: THIRD, name: 'Stichting Derde Demo', code: '40000', kvkNumber: null, website: null, email: null, phone: null, retentionYears: 7, updatedAt: '2026-01-01T00:00:00Z' },
          { headers: { ETag: '"b1"' } },
        );
      }
      return referenceAnswer(url.pathname) ?? page([]);
    });
    renderApp(`/boards/${THIRD}`, { user: thirdAdmin });
    const section = await screen.findByTestId('board-programmes');
    expect(await within(section).findByRole('link', { name: 'RAP Zuid-Kennemerland' })).toHaveAttribute('href', `/programmas/${PROGRAMME_ID}`);
  }, SLOW);
});

describe('the programme helpers', () => {
  it('writes periods, offers the periods of an indicator and finds the latest totals', () => {
    expect(formatPeriod('2025-2026')).toBe('2025/2026');
    expect(formatPeriod('2025-Q1')).toBe('Q1 2025');
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(periodOptions('side-entrants-started', '2026-03-10', 3)).toEqual(['2025-2026', '2024-2025', '2023-2024']);
    expect(periodOptions('substitute-days-covered', '2026-03-10', 1)).toEqual(['2026-Q1', '2025-Q4']);
    expect(headlineTotals(sideEntry().totals).map((t) => [t.period, t.total])).toEqual([['2025-2026', 3]]);
    expect(axisMax(4)).toBe(5);
    expect(axisMax(11)).toBe(20);
  });

  it('has every Dutch key in English, and words the shared-partnership gap in both', async () => {
    expectMatchingTranslations(nl, en);
    const gap = {
      kind: 'shared-partnership-no-contact',
      severity: 'warning',
      subject: { type: 'partnership', id: 41, name: 'Jeugd- en gezinsteams Zuid-Kennemerland' },
      details: { programme: 'RAP Zuid-Kennemerland' },
    } as never;
    const { setupI18n } = await import('../../i18n');
    const i18n = setupI18n();
    expect(programmeGapText(gap, i18n.t as never)).toBe(
      'Niemand bij het bestuur is aanspreekpunt voor Jeugd- en gezinsteams Zuid-Kennemerland, een samenwerking die gedeeld is in het programma ‘RAP Zuid-Kennemerland’.',
    );
    await i18n.changeLanguage('en');
    expect(programmeGapText(gap, i18n.t as never)).toContain("a partnership shared in the programme ‘RAP Zuid-Kennemerland’");
  });
});

describe('a shared partnership names its programme', () => {
  it('says "Gedeeld via" with a link to the programme', async () => {
    const { QueryClientProvider } = await import('@tanstack/react-query');
    const { render } = await import('@testing-library/react');
    const { MemoryRouter } = await import('react-router');
    const { createQueryClient } = await import('../../lib/queryClient');
    const { SharedVia } = await import('./SharedVia');
    mockFetch(programmeApi());
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <SharedVia programmeId={PROGRAMME_ID} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const link = await screen.findByRole('link', { name: 'RAP Zuid-Kennemerland' });
    expect(link).toHaveAttribute('href', `/programmas/${PROGRAMME_ID}`);
    expect(screen.getByTestId('shared-via')).toHaveTextContent('Gedeeld via RAP Zuid-Kennemerland');
  });
});
