import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import { renderSVG } from 'uqr';
import { resolvedRoute } from './testData';
import { AREAS } from './types';

const areas = {
  school: resolvedRoute.school,
  groups: ['pupil', 'parent', 'staff'],
  areas: AREAS.map((code) => ({ code, nameNl: code, nameEn: code, descriptionNl: 'nl', descriptionEn: 'en' })),
};

describe('the public route finder', () => {
  it('asks who and what, then shows the numbered steps with how to reach people, 112, and stores nothing', async () => {
    const { calls } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes') return json(areas);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes/undesirable-behaviour') return json(resolvedRoute);
      return problem(404, 'Not found');
    });
    const user = userEvent.setup();
    const { router } = renderApp('/openbaar/scholen/12ab00/klachtenroutes', { user: null });

    // Before the choice the page speaks to no one in particular; after it, to the chosen reader.
    expect(await screen.findByRole('heading', { level: 1, name: 'Wie helpt bij een zorg of klacht?' })).toBeInTheDocument();
    expect(await screen.findByText(/Voor leerlingen, ouders en medewerkers van OBS De Spil:/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');

    await user.click(screen.getByRole('link', { name: 'Ik ben ouder of verzorger' }));
    expect(await screen.findByRole('heading', { name: 'Stap 2: Waar gaat het over?' })).toHaveFocus();
    expect(router.state.location.search).toBe('?wie=parent');
    await user.click(screen.getByRole('link', { name: /Pesten, discriminatie of geweld op school/ }));

    const title = await screen.findByRole('heading', { name: 'Zo pakt u het aan' });
    expect(screen.getByRole('heading', { level: 1, name: 'Waar kunt u terecht?' })).toBeInTheDocument();
    expect(screen.getByText('U koos: ouder of verzorger, Pesten, discriminatie of geweld op school.')).toBeInTheDocument();
    expect(title).toHaveFocus();
    const steps = screen.getAllByRole('listitem').filter((li) => li.classList.contains('route-step'));
    expect(steps).toHaveLength(3);
    expect(within(steps[0]!).getByRole('heading', { name: /Stap 1/ })).toHaveTextContent('Praten');
    // A role reached through the school: the school's number, as a tel: link.
    expect(within(steps[0]!).getByText('Vraag op school naar deze persoon.')).toBeInTheDocument();
    expect(within(steps[0]!).getByRole('link', { name: 'Bel de school: 023 123 4567' })).toHaveAttribute('href', 'tel:0231234567');
    // The counsellor's own published way to be reached.
    expect(within(steps[1]!).getByText(/Vera Vertrouwen/)).toBeInTheDocument();
    expect(within(steps[1]!).getByText('Spreek haar aan op het schoolplein of bel 06-12345678.')).toBeInTheDocument();
    expect(within(steps[2]!).getByRole('link', { name: 'Bel 0900-111 3 111' })).toHaveAttribute('href', 'tel:09001113111');
    // Bullying and violence: the emergency number first.
    expect(screen.getByRole('link', { name: 'Bel 112' })).toHaveAttribute('href', 'tel:112');

    // English, through the address only.
    await user.click(screen.getByRole('link', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Where can you go?' })).toBeInTheDocument();
    expect(screen.getByText('Talk to the teacher.')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(router.state.location.search).toBe('?wie=parent&over=undesirable-behaviour&lang=en');

    expect(window.localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(calls.every((c) => new URL(c.url).pathname.startsWith('/api/v1/public/'))).toBe(true);
  }, 20_000);

  it('speaks to the chosen reader: je to a pupil, u to a parent, and the topics from their side', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes') return json(areas);
      if (url.pathname.startsWith('/api/v1/public/schools/12AB00/complaint-routes/')) return json({ ...resolvedRoute, area: 'personal-problems', group: new URL(req.url).searchParams.get('group') });
      return problem(404, 'Not found');
    });
    const user = userEvent.setup();
    renderApp('/openbaar/scholen/12ab00/klachtenroutes?wie=pupil', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Waar kun je terecht?' })).toBeInTheDocument();
    expect(await screen.findByText(/Zit je ergens mee op OBS De Spil\?/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Het gaat niet goed met je/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Iemand gaat over je grens/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Andere keuze: wie ben je?' }));
    await user.click(await screen.findByRole('link', { name: 'Ik ben ouder of verzorger' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Waar kunt u terecht?' })).toBeInTheDocument();
    expect(await screen.findByText(/Zit u ergens mee op OBS De Spil\?/)).toBeInTheDocument();
    const topic = screen.getByRole('link', { name: /^Het gaat niet goed met mijn kind/ });
    expect(topic).toHaveTextContent('Als uw kind zich niet goed voelt');
    expect(screen.getByRole('link', { name: /Iemand gaat over de grens van mijn kind/ })).toBeInTheDocument();
    await user.click(topic);
    expect(await screen.findByRole('heading', { name: 'Zo pakt u het aan' })).toBeInTheDocument();
    expect(screen.getAllByText('Zo bereikt u ze').length).toBeGreaterThan(0);
    expect(screen.getByText(/Denkt uw kind aan zelfdoding/)).toBeInTheDocument();
    expect(screen.queryByText(/De Kindertelefoon/)).not.toBeInTheDocument();

    // A member of staff reads the same topic from their own side, in English too.
    await user.click(screen.getByRole('link', { name: 'English' }));
    await user.click(await screen.findByRole('link', { name: 'Change: who are you?' }));
    await user.click(await screen.findByRole('link', { name: 'I work at the school' }));
    expect(await screen.findByRole('link', { name: /^I am not doing well/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Worries about a pupil's home/ })).toBeInTheDocument();
  }, 20_000);

  it('says plainly when the school does not exist', async () => {
    mockFetch(async () => problem(404, 'There is no school with this code.'));
    renderApp('/openbaar/scholen/99ZZ00/klachtenroutes', { user: null });
    expect(await screen.findByRole('alert')).toHaveTextContent('We kunnen deze school niet vinden.');
  });

  it('an anonymous visitor\'s browser asks for no login session on a public page', async () => {
    const { calls } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes') return json(areas);
      if (url.pathname === '/api/v1/auth/session') return problem(401, 'Not logged in.');
      return problem(404, 'Not found');
    });
    const before = window.location.pathname;
    window.history.replaceState(null, '', '/openbaar/scholen/12ab00/klachtenroutes');
    try {
      renderApp('/openbaar/scholen/12ab00/klachtenroutes'); // no session known beforehand
      expect(await screen.findByText(/Voor leerlingen, ouders en medewerkers van OBS De Spil:/)).toBeInTheDocument();
      expect(calls.map((c) => new URL(c.url).pathname)).not.toContain('/api/v1/auth/session');
    } finally {
      window.history.replaceState(null, '', before);
    }
  });

  it('the poster carries a QR code to the route finder in its own language', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes') return json(areas);
      if (url.pathname.startsWith('/api/v1/public/schools/12AB00/complaint-routes/')) return json(resolvedRoute);
      return problem(404, 'Not found');
    });
    renderApp('/openbaar/scholen/12ab00/klachtenroutes/poster?lang=en', { user: null });
    const qr = await screen.findByTestId('poster-qr');
    const target = `${window.location.origin}/openbaar/scholen/12AB00/klachtenroutes?lang=en`;
    expect(qr).toHaveAttribute('data-url', target);
    await waitFor(() => expect(qr).toHaveAttribute('alt', `QR code to the route finder of ${resolvedRoute.school.name}`));
    const svg = decodeURIComponent(qr.getAttribute('src')!.replace('data:image/svg+xml;charset=utf-8,', ''));
    expect(svg).toBe(renderSVG(target, { border: 2 }));
  });

  it('speaks Arabic right to left, and offers the languages the key persons serve', async () => {
    mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/public/schools/12AB00/complaint-routes') return json(areas);
      return problem(404, 'Not found');
    });
    renderApp('/openbaar/scholen/12ab00/klachtenroutes?lang=ar', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'إلى أين يمكنك التوجه؟' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    const languages = screen.getByRole('navigation', { name: 'اللغة' });
    expect(within(languages).getAllByRole('link').map((a) => a.getAttribute('lang'))).toEqual(['nl', 'ar', 'en', 'pl', 'tr', 'uk']);
    expect(within(languages).getByRole('link', { name: 'Nederlands' })).not.toHaveAttribute('href', expect.stringContaining('lang='));
  });
});
