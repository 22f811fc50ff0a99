import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accessFor, json, mockFetch, problem, renderApp } from '../../test/utils';
import { HAARLEM, haarlemOverview, municipalityContact } from '../areas/testData';
import { coordinator, page, referenceAnswer } from '../../test/testData';
import { jobsAxisMax, progressGeometry } from './ProgressChart';
import { action, bottleneck, BOARD_ID, hiddenPlacement, placement, progress, track, trackAdmin, TRACK_ID } from './testData';
import type { Track } from './types';

const SLOW = 20_000;
const TRACK = `/api/v1/inclusion-tracks/${TRACK_ID}`;

function path(req: Request) {
  return new URL(req.url).pathname;
}

interface Options {
  current?: Track;
  placements?: ReturnType<typeof placement>[];
  onPatch?: (req: Request) => Response | Promise<Response>;
  onActionPatch?: (req: Request) => Response | Promise<Response>;
}

/** The API of one track, as the demo board's. */
function trackApi({ current = track(), placements = [placement(), hiddenPlacement], onPatch, onActionPatch }: Options = {}) {
  return async (req: Request): Promise<Response> => {
    const p = path(req);
    if (p === '/api/v1/inclusion-tracks' && req.method === 'GET') return json([current]);
    if (p === TRACK && req.method === 'PATCH' && onPatch) return onPatch(req);
    if (p === TRACK) return json(current, { headers: { ETag: '"v4"' } });
    if (p === `${TRACK}/progress`) return json(progress);
    if (p === `${TRACK}/bottlenecks`) return json([bottleneck]);
    if (p === `${TRACK}/actions/31` && req.method === 'PATCH' && onActionPatch) return onActionPatch(req);
    if (p === `${TRACK}/actions`) return json([action(), action({ id: 32, title: 'Taken in kaart brengen', status: 'done', overdue: false, doneOn: '2026-05-11', etag: '"a32"' })]);
    if (p === `${TRACK}/placements`) return json(placements);
    if (p === '/api/v1/job-agreement-quotas') return json([{ year: 2024, percentage: 2.76, levyImposed: false, source: 'UWV', notes: null, etag: '"q1"' }]);
    if (p === '/api/v1/people' || p === '/api/v1/role-assignments') return page([]);
    return referenceAnswer(p) ?? page([]);
  };
}

describe('the track page', () => {
  it('shows the phases as a stepper with aria-current on the current phase, and what it asks', async () => {
    mockFetch(trackApi());
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inclusief werkgeverschap bij Stichting Spil Demo' })).toBeInTheDocument();
    const stepper = screen.getByRole('list', { name: 'Fasen' });
    expect(stepper.tagName).toBe('OL');
    const steps = within(stepper).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-phase'))).toEqual(['intake', 'action-plan', 'execution', 'evaluation', 'completed']);
    const current = steps.filter((s) => s.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('Uitvoering');
    expect(current[0]).toHaveTextContent('(huidige fase)');
    expect(steps[0]).toHaveTextContent('(afgerond)');
    expect(steps[3]).toHaveTextContent('(nog niet begonnen)');
    expect(steps[0]).toHaveTextContent('Breng in kaart wat het bestuur wil bereiken');
    expect(screen.getByTestId('phase-current')).toHaveTextContent('Het bestuur voert het actieplan uit');
    const history = within(screen.getByTestId('phase-history')).getAllByRole('row').map((r) => r.textContent);
    expect(history[1]).toContain('Gestart met de intake');
    expect(history[2]).toContain('Van Intake naar Actieplan');
    expect(history[2]).toContain('Intake gehouden');
  }, SLOW);

  it('phrases the quota as information, per year, with its source, and the ambition against jobs realised', async () => {
    mockFetch(trackApi());
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    const sentences = await screen.findByTestId('quota-sentences');
    const items = within(sentences).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Ter informatie: het quotum voor 2025 is nog niet bekend');
    expect(items[1]).toContain(
      'Ter informatie: bij 182.000 betaalde uren in 2024 en een quotum van 2,76% zou het quotum 3,77 banen vragen. Gerealiseerd in 2024: gemiddeld 0 banen.',
    );
    expect(items[1]).toContain('Over 2024 is geen heffing opgelegd.');
    expect(items[1]).toContain('Bron: UWV: quotum banenafspraak sector overheid 2024');
    expect(screen.getByText(/geen oordeel/)).toBeInTheDocument();
    expect(screen.getByTestId('ambition')).toHaveTextContent('3 banen');
    expect(screen.getByTestId('jobs-realised')).toHaveTextContent('0,78 banen');
    // The chart and the same months in a table.
    const chart = await screen.findByTestId('progress-chart');
    expect(within(chart).getByRole('img', { name: /Gerealiseerde banen per maand tegen de ambitie/ })).toBeInTheDocument();
    const rows = within(screen.getByTestId('progress-table')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['MaandGerealiseerd (banen)Ambitie (banen)', 'september 20260,783', 'oktober 20260,783', 'november 20261,283']);
  }, SLOW);

  it('shows the employee\'s name where the API allows it, and "Plaatsing N bij <school>" where it does not', async () => {
    mockFetch(trackApi());
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    const table = await screen.findByTestId('placements-table');
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('Jeroen Smit');
    expect(first).toHaveTextContent('Plaatsing 1 bij OBS De Spil');
    expect(first).toHaveTextContent('2 uur per week');
    expect(second).toHaveTextContent('Plaatsing 2 bij Basisschool De Regenboog');
    expect(second).toHaveTextContent('0,5 banen');
    expect(second).toHaveTextContent('register nog niet gecontroleerd');
    expect(second).toHaveTextContent('Sanne de Vrieszonder uren');
  }, SLOW);

  it('gives a coordinator the track to read: no names, no forms, no phase buttons', async () => {
    mockFetch(trackApi({ placements: [{ ...placement(), employeeName: null, nameVisible: false }] }));
    renderApp(`/inclusie/${TRACK_ID}`, { user: coordinator, access: accessFor(coordinator, { 1: BOARD_ID }) });
    const table = await screen.findByTestId('placements-table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('Plaatsing 1 bij OBS De Spil')).toBeInTheDocument();
    expect(screen.getByRole('main')).not.toHaveTextContent('Jeroen Smit');
    expect(screen.getByText('U kunt dit traject lezen; de bestuurders van het bestuur houden het bij.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Naar de volgende fase/ })).toBeNull();
    expect(screen.queryByTestId('action-form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Plaatsing toevoegen' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Afvinken/ })).toBeNull();
  }, SLOW);

  it('moves the phase with If-Match and the note; a 412 is explained and reloads the track', async () => {
    const patches: { body: unknown; ifMatch: string | null }[] = [];
    let stale = true;
    mockFetch(
      trackApi({
        onPatch: async (req) => {
          patches.push({ body: await req.json(), ifMatch: req.headers.get('If-Match') });
          if (stale) {
            stale = false;
            return problem(412, 'The record was changed meanwhile.');
          }
          return json(track({ phase: 'evaluation', phaseSince: '2026-12-02' }), { headers: { ETag: '"v5"' } });
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    await screen.findByRole('heading', { level: 1, name: /Stichting Spil Demo/ });
    await user.type(screen.getByLabelText(/^Toelichting bij de wijziging/), 'Eerste jaar klaar');
    await user.click(screen.getByRole('button', { name: 'Naar de volgende fase: Evaluatie' }));
    const notice = await screen.findByTestId('stale-notice');
    expect(notice).toHaveTextContent('Het record is intussen gewijzigd');
    await user.click(within(notice).getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Naar de volgende fase: Evaluatie' }));
    expect(await screen.findByText('Het traject staat nu in de fase evaluatie.')).toBeInTheDocument();
    expect(patches[0]).toEqual({ body: { phase: 'evaluation', phaseNote: 'Eerste jaar klaar' }, ifMatch: '"v4"' });
    expect(patches[1]!.ifMatch).toBe('"v4"');
  }, SLOW);

  it('ticks an action off with its own ETag; overdue actions say so in words', async () => {
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    mockFetch(
      trackApi({
        onActionPatch: async (req) => {
          sent.push({ body: await req.json(), ifMatch: req.headers.get('If-Match') });
          return json(action({ status: 'done', overdue: false, doneOn: '2026-12-02', etag: '"a31b"' }));
        },
      }),
    );
    const user = userEvent.setup();
    renderApp(`/inclusie/${TRACK_ID}`, { user: trackAdmin });
    const table = await screen.findByTestId('actions-table');
    const overdue = within(table).getAllByRole('row').find((r) => r.textContent?.includes('Werkplekbegeleiders trainen'))!;
    expect(overdue).toHaveTextContent('Te laat');
    expect(screen.getByTestId('actions-overdue')).toHaveTextContent('1 actie is over de datum.');
    expect(screen.getByRole('button', { name: 'Print het actieplan' })).toBeInTheDocument();
    await user.click(within(overdue).getByRole('button', { name: 'Afvinken: Werkplekbegeleiders trainen' }));
    expect(await screen.findByText('De actie ‘Werkplekbegeleiders trainen’ is afgevinkt.')).toBeInTheDocument();
    expect(sent).toEqual([{ body: { status: 'done' }, ifMatch: '"a31"' }]);
  }, SLOW);
});

describe('starting a track', () => {
  it('offers a board administrator without a track to start it, and opens the new track', async () => {
    const posted: unknown[] = [];
    let created = false;
    mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/inclusion-tracks' && req.method === 'POST') {
        posted.push(await req.json());
        created = true;
        return json(track({ phase: 'intake', history: [] }), { status: 201, headers: { ETag: '"v1"' } });
      }
      if (p === '/api/v1/inclusion-tracks') return json(created ? [track({ phase: 'intake' })] : []);
      return trackApi({ current: track({ phase: 'intake', history: [] }) })(req);
    });
    const user = userEvent.setup();
    const { router } = renderApp('/inclusie', { user: trackAdmin });
    const button = await screen.findByRole('button', { name: 'Start het traject voor Stichting Spil Demo' });
    expect(screen.getByText(/Het traject begint met de intake/)).toBeInTheDocument();
    await user.click(button);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/inclusie/${TRACK_ID}`));
    expect(posted).toEqual([{ boardId: BOARD_ID }]);
    expect(await screen.findByText('Het traject is gestart. Het bestuur staat nu in de fase intake.')).toBeInTheDocument();
  }, SLOW);
});

describe('the area dashboard\'s inclusion section', () => {
  it('lists the boards with their phase, ambition and jobs, the bottlenecks and the service point, without any person\'s name', async () => {
    mockFetch((req) => (path(req) === `/api/v1/municipalities/${HAARLEM}/overview` ? json(haarlemOverview()) : page([])));
    renderApp(`/gebied/gemeente/${HAARLEM}`, { user: municipalityContact });
    const section = await screen.findByTestId('area-inclusion');
    expect(within(section).getByRole('heading', { level: 2, name: 'Inclusief werkgeverschap' })).toBeInTheDocument();
    expect(within(section).getByTestId('inclusion-boards-with-track')).toHaveTextContent('2 van 2');
    const rows = within(within(section).getByTestId('inclusion-tracks-table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Stichting Spil Demo');
    expect(rows[0]).toHaveTextContent('Uitvoering');
    expect(rows[0]).toHaveTextContent('0,78');
    expect(rows[1]).toHaveTextContent('Stichting Tweede Demo');
    expect(rows[1]).toHaveTextContent('Intake');
    expect(rows[1]).toHaveTextContent('nog niet');
    const phases = within(within(section).getByTestId('inclusion-phase-table')).getAllByRole('row').map((r) => r.textContent);
    expect(phases).toEqual(['FaseBesturen', 'Intake1', 'Actieplan0', 'Uitvoering1', 'Evaluatie0', 'Afgerond0']);
    expect(within(section).getByTestId('inclusion-bottlenecks')).toHaveTextContent('Financiering en subsidies (1 bestuur)');
    expect(within(section).getByTestId('service-point')).toHaveTextContent('Team Onderwijs');
    // A municipality contact does not keep the region's service point.
    expect(within(section).queryByRole('link', { name: /bewerken$/ })).toBeNull();
    for (const name of ['Jeroen Smit', 'Karin Bos', 'Sanne de Vries', 'Gijs Gemeente']) expect(screen.getByRole('main')).not.toHaveTextContent(name);
  }, SLOW);
});

describe('the progress chart', () => {
  it('draws a bar per month and the ambition, on a round axis', () => {
    expect(jobsAxisMax(0)).toBe(1);
    expect(jobsAxisMax(3.3)).toBe(4);
    const g = progressGeometry(progress);
    expect(g.top).toBe(4);
    expect(g.bars.map((b) => b.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(g.bars[2]!.height).toBeGreaterThan(g.bars[0]!.height);
    expect(g.ambition).toHaveLength(3);
    expect(new Set(g.ambition.map((a) => a.y)).size).toBe(1);
  });
});
