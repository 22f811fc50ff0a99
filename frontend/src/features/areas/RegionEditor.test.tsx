import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnyRegion, Municipality } from '../../api/types';
import { boardAdmin, json, mockFetch, problem, renderApp, menuLink } from '../../test/utils';
import { ggdRegion, HAARLEM, HEEMSTEDE, labourMarketRegion, MUNICIPALITIES, platformAdmin } from './testData';

const SLOW = 20_000;
const CONFLICT =
  'Haarlem already belongs to GGD Andere Regio; a municipality lies in at most one region of each kind. Take it out of that region first.';

function path(req: Request) {
  return new URL(req.url).pathname;
}

/** The names in the list of chosen municipalities. */
function chosenNames(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('span')?.textContent ?? '');
}

function page<T>(items: T[]) {
  return json({ items, total: items.length, page: 1, pageSize: 100 });
}

/** A fake of the regions API for one GGD region: its ETag changes with every change. */
function regionApi(start: { region?: AnyRegion; members?: number[] } = {}) {
  const state = { version: 1, region: { ...(start.region ?? ggdRegion) }, members: start.members ?? [HEEMSTEDE] };
  const byId = new Map(MUNICIPALITIES.map((m) => [m.id, m]));
  const handler = async (req: Request): Promise<Response> => {
    const p = path(req);
    const etag = { ETag: `"r${state.version}"` };
    const base = `/api/v1/regions/${state.region.id}`;
    if (p === '/api/v1/municipalities') return page(MUNICIPALITIES);
    if (p === base && req.method === 'GET') return json(state.region, { headers: etag });
    if (p === `${base}/municipalities` && req.method === 'GET') return json(state.members.map((i) => byId.get(i)) as Municipality[]);
    if (p === `${base}/municipalities` && req.method === 'PUT') {
      if (req.headers.get('If-Match') !== `"r${state.version}"`) return problem(412, 'The region was changed by someone else.');
      const body = (await req.json()) as { municipalityIds: number[] };
      if (body.municipalityIds.includes(HAARLEM)) {
        return problem(409, CONFLICT, {
          code: 'in-other-region',
          invalidParams: [{ name: 'municipalityIds', in: 'body', code: 'in-other-region', reason: CONFLICT }],
        });
      }
      state.version += 1;
      state.members = body.municipalityIds;
      state.region = { ...state.region, municipalityCount: body.municipalityIds.length };
      return json(state.region, { headers: { ETag: `"r${state.version}"` } });
    }
    if (p === base && req.method === 'PATCH') {
      if (req.headers.get('If-Match') !== `"r${state.version}"`) return problem(412, 'The region was changed by someone else.');
      state.version += 1;
      state.region = { ...state.region, ...((await req.json()) as Partial<AnyRegion>) };
      return json(state.region, { headers: { ETag: `"r${state.version}"` } });
    }
    if (p === base && req.method === 'DELETE') {
      return problem(409, 'A region contact or an API key is still bound to this region.', { code: 'in-use' });
    }
    return page([]);
  };
  return { state, handler };
}

describe('the regions of every kind (platform administrator)', () => {
  it('are in the platform administrator\'s menu only, listed with a kind filter', async () => {
    const { calls } = mockFetch((req) => (path(req) === '/api/v1/regions' ? page([ggdRegion, labourMarketRegion]) : page([])));
    const { router } = renderApp('/', { user: platformAdmin });
    await userEvent.click(await menuLink("Regio's"));
    expect(await screen.findByRole('heading', { level: 1, name: "Regio's" })).toBeInTheDocument();
    const table = await screen.findByTestId('regions-table');
    expect(within(table).getByRole('link', { name: 'GGD Kennemerland' })).toHaveAttribute('href', '/regions/40');
    expect(within(table).getByText('GGD-regio')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Overzicht van Zuid-Kennemerland en IJmond' })).toHaveAttribute('href', '/gebied/regio/37');

    await userEvent.selectOptions(screen.getByLabelText('Soort'), 'ggd');
    await userEvent.type(screen.getByLabelText('Zoek op naam of code'), 'kenn');
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=kenn&kind=ggd'));
    await waitFor(() => {
      const last = new URL(calls.filter((c) => path(c) === '/api/v1/regions').at(-1)!.url).searchParams;
      expect(last.get('kind')).toBe('ggd');
      expect(last.get('q')).toBe('kenn');
    });
  }, SLOW);

  it('are not offered to a board administrator', async () => {
    const { calls } = mockFetch(() => page([]));
    renderApp('/regions', { user: boardAdmin });
    expect(await screen.findByRole('alert')).toHaveTextContent('U heeft geen toestemming');
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).not.toHaveTextContent("Regio's");
    expect(calls.filter((c) => path(c) === '/api/v1/regions')).toHaveLength(0);
  });
});

describe('the editor of a region\'s municipalities', () => {
  it('sends the whole set with If-Match, shows the API\'s 409 for a municipality in another region of the kind, then saves', async () => {
    const api = regionApi();
    const { calls } = mockFetch(api.handler);
    renderApp('/regions/40', { user: platformAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'GGD Kennemerland' })).toBeInTheDocument();
    expect(await screen.findByTestId('region-municipalities')).toHaveTextContent('Heemstede');

    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten wijzigen' }));
    const editor = screen.getByTestId('municipalities-editor');
    const picker = within(editor).getByRole('group', { name: 'Gemeenten van GGD Kennemerland' });
    expect(chosenNames(within(picker).getByRole('list', { name: 'Gekozen: 1 gemeente' }))).toEqual(['Heemstede']);

    // Searching narrows the 342 to the matches; Haarlem says where it lies already.
    await userEvent.type(within(picker).getByLabelText('Zoek een gemeente'), 'haarlem');
    expect(within(picker).getByText('2 gemeenten gevonden')).toBeInTheDocument();
    const haarlem = within(picker).getByRole('checkbox', { name: 'Haarlem' });
    expect(haarlem).toHaveAccessibleDescription('ligt al in GGD Andere Regio');
    expect(within(picker).queryByRole('checkbox', { name: 'Heemstede' })).not.toBeInTheDocument();
    await userEvent.click(haarlem);
    expect(chosenNames(within(picker).getByRole('list', { name: 'Gekozen: 2 gemeenten' }))).toEqual(['Haarlem', 'Heemstede']);

    await userEvent.click(within(editor).getByRole('button', { name: 'Gemeenten opslaan' }));
    const alert = await within(editor).findByTestId('region-conflict');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Niet opgeslagen: een gemeente ligt in hoogstens één regio van elke soort.');
    expect(alert).toHaveTextContent(CONFLICT);
    expect(alert).toHaveFocus();
    expect(picker).toHaveClass('field-invalid');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(path(put)).toBe('/api/v1/regions/40/municipalities');
    expect(put.headers.get('If-Match')).toBe('"r1"');
    expect(put.headers.get('X-CSRF-Token')).toBe('csrf-test');
    expect(await put.json()).toEqual({ municipalityIds: [HEEMSTEDE, HAARLEM] });

    // Take Haarlem out again, add Velsen instead: saved, with the same ETag (nothing changed yet).
    await userEvent.click(within(picker).getByRole('button', { name: 'Haarlem weghalen' }));
    await userEvent.clear(within(picker).getByLabelText('Zoek een gemeente'));
    await userEvent.type(within(picker).getByLabelText('Zoek een gemeente'), 'vel');
    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Velsen' }));
    await userEvent.click(within(editor).getByRole('button', { name: 'Gemeenten opslaan' }));
    expect(await screen.findByText('Opgeslagen: de regio heeft nu 2 gemeenten.')).toHaveAttribute('role', 'status');
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts[1]!.headers.get('If-Match')).toBe('"r1"');
    expect(await puts[1]!.json()).toEqual({ municipalityIds: [HEEMSTEDE, 453] });
    expect(screen.queryByTestId('municipalities-editor')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('region-municipalities')).toHaveTextContent('Velsen'));
    expect(screen.getByTestId('municipality-count')).toHaveTextContent('2');

    // The next change goes with the new ETag.
    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten wijzigen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Velsen weghalen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten opslaan' }));
    await screen.findByText('Opgeslagen: de regio heeft nu 1 gemeente.');
    expect(calls.filter((c) => c.method === 'PUT')[2]!.headers.get('If-Match')).toBe('"r2"');
  }, SLOW);

  it('explains a stale edit (412) and starts again from what is saved now', async () => {
    const api = regionApi();
    const { calls } = mockFetch(api.handler);
    renderApp('/regions/40', { user: platformAdmin });
    await screen.findByTestId('region-municipalities');
    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten wijzigen' }));

    // Meanwhile someone else adds Amsterdam.
    api.state.version = 2;
    api.state.members = [HEEMSTEDE, 363];

    await userEvent.type(screen.getByLabelText('Zoek een gemeente'), 'velsen');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Velsen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten opslaan' }));
    const notice = await screen.findByTestId('stale-notice');
    expect(notice).toHaveTextContent('Iemand anders heeft dit record gewijzigd');
    expect(screen.getByRole('button', { name: 'Gemeenten opslaan' })).toBeDisabled();

    await userEvent.click(within(notice).getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect(screen.queryByTestId('stale-notice')).not.toBeInTheDocument());
    expect(chosenNames(screen.getByTestId('chosen-municipalities'))).toEqual(['Amsterdam', 'Heemstede']);
    await userEvent.click(screen.getByRole('button', { name: 'Gemeenten opslaan' }));
    await screen.findByText('Opgeslagen: de regio heeft nu 2 gemeenten.');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.headers.get('If-Match'))).toEqual(['"r1"', '"r2"']);
  }, SLOW);

  it('keeps a labour-market region\'s municipalities (CBS) read only, and changes only its name', async () => {
    const api = regionApi({ region: labourMarketRegion, members: [HAARLEM, HEEMSTEDE] });
    const { calls } = mockFetch(api.handler);
    const { router } = renderApp('/regions/37', { user: platformAdmin });
    expect(await screen.findByRole('heading', { level: 1, name: 'Zuid-Kennemerland en IJmond' })).toBeInTheDocument();
    await screen.findByTestId('region-municipalities');
    expect(screen.getByText(/komen uit de lijst van het CBS/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gemeenten wijzigen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Verwijderen' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Haarlem' })).toHaveAttribute('href', `/gebied/gemeente/${HAARLEM}`);

    await userEvent.click(screen.getByRole('link', { name: 'Naam wijzigen' }));
    const name = await screen.findByLabelText(/^Naam/);
    expect(screen.queryByLabelText(/^Code/)).not.toBeInTheDocument();
    await userEvent.clear(name);
    await userEvent.type(name, 'Zuid-Kennemerland');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zuid-Kennemerland' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/regions/37');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"r1"');
    expect(await patch.json()).toEqual({ name: 'Zuid-Kennemerland' });
  }, SLOW);

  it('shows the API\'s 409 when the region cannot be deleted', async () => {
    const api = regionApi();
    const { calls } = mockFetch(api.handler);
    renderApp('/regions/40', { user: platformAdmin });
    await screen.findByRole('heading', { level: 1, name: 'GGD Kennemerland' });
    await userEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByText('A region contact or an API key is still bound to this region.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')!.headers.get('If-Match')).toBe('"r1"');
  }, SLOW);
});

describe('a new region', () => {
  it('is created with its kind, code, name and municipalities, and a duplicate code is shown at the code', async () => {
    let posts = 0;
    const { calls } = mockFetch(async (req) => {
      const p = path(req);
      if (p === '/api/v1/municipalities') return page(MUNICIPALITIES);
      if (p === '/api/v1/regions' && req.method === 'POST') {
        posts += 1;
        if (posts === 1)
          return problem(409, 'A region of this kind with the code GGD-KEN exists already.', {
            invalidParams: [{ name: 'code', in: 'body', code: 'duplicate', reason: 'A region of this kind with the code GGD-KEN exists already.' }],
          });
        const body = (await req.json()) as { kind: 'ggd'; code: string; name: string; municipalityIds: number[] };
        return json({ id: 44, kind: body.kind, code: body.code, name: body.name, municipalityCount: body.municipalityIds.length }, { status: 201, headers: { ETag: '"r1"' } });
      }
      if (p === '/api/v1/regions/44') return json({ id: 44, kind: 'ggd', code: 'GGD-ZK', name: 'GGD Zuid-Kennemerland', municipalityCount: 2 }, { headers: { ETag: '"r1"' } });
      if (p === '/api/v1/regions/44/municipalities') return json([MUNICIPALITIES[1], MUNICIPALITIES[3]]);
      return page([]);
    });
    const { router } = renderApp('/regions/new', { user: platformAdmin });
    const kind = await screen.findByLabelText(/^Soort/);
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een soort',
      'Onderwijsregio',
      'Samenwerkingsverband passend onderwijs',
      'GGD-regio',
      'Jeugdzorgregio',
    ]);
    await userEvent.selectOptions(kind, 'ggd');
    await userEvent.type(screen.getByLabelText(/^Naam/), 'GGD Zuid-Kennemerland');
    await userEvent.type(screen.getByLabelText(/^Code/), 'GGD-KEN');
    await userEvent.type(screen.getByLabelText('Zoek een gemeente'), 'hee');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Heemstede' }));
    await userEvent.clear(screen.getByLabelText('Zoek een gemeente'));
    await userEvent.type(screen.getByLabelText('Zoek een gemeente'), 'haarlem');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Haarlem' }));
    await userEvent.click(screen.getByRole('button', { name: 'Regio aanmaken' }));

    const code = screen.getByLabelText(/^Code/);
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(/^Er is al een regio van deze soort met deze code\./);
    await userEvent.clear(code);
    await userEvent.type(code, 'GGD-ZK');
    await userEvent.click(screen.getByRole('button', { name: 'Regio aanmaken' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'GGD Zuid-Kennemerland' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/regions/44');
    expect(screen.getByText('De regio is aangemaakt.')).toHaveAttribute('role', 'status');
    const created = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(await created.json()).toEqual({ kind: 'ggd', code: 'GGD-ZK', name: 'GGD Zuid-Kennemerland', municipalityIds: [HEEMSTEDE, HAARLEM] });
  }, SLOW);

  it('checks the fields before calling the API', async () => {
    const { calls } = mockFetch((req) => (path(req) === '/api/v1/municipalities' ? page(MUNICIPALITIES) : page([])));
    renderApp('/regions/new', { user: platformAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'Regio aanmaken' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het formulier bevat fouten');
    expect(screen.getByLabelText(/^Soort/)).toHaveAccessibleDescription(/Kies een soort\./);
    expect(screen.getByLabelText(/^Naam/)).toHaveAccessibleDescription(/Dit veld is verplicht/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
