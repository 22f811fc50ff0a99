import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderApp } from '../../test/utils';
import type { PublicKeyPersons } from './types';

/** Rendering the app under a loaded CI machine takes its time. */
const SLOW = 20_000;

const spil: PublicKeyPersons = {
  school: { name: 'OBS De Spil', city: 'Haarlem', locationCode: '12AB00' },
  people: [
    {
      displayName: 'Fatima',
      role: 'key-person',
      roleNameNl: 'Sleutelpersoon',
      roleNameEn: 'Key person',
      languages: ['ar', 'nl', 'fr'],
      howToReach: 'Op dinsdagochtend op school.',
      introductionNl: 'Ik help ouders die Arabisch of Frans spreken.',
      introductionEn: 'I help parents who speak Arabic or French.',
    },
    {
      displayName: 'Karin Bos',
      role: 'key-person-contact-point',
      roleNameNl: 'Aanspreekpunt sleutelpersonen',
      roleNameEn: 'Key-person contact point',
      languages: ['nl'],
      howToReach: null,
      introductionNl: 'Ik ben het aanspreekpunt.',
      introductionEn: null,
    },
  ],
};

function path(req: Request) {
  return new URL(req.url).pathname;
}

describe('the public page of a school\'s key persons', () => {
  it('shows the published people without a login, switches to English, and stores nothing', async () => {
    const { calls } = mockFetch((req) => {
      const p = path(req);
      if (p === '/api/v1/public/schools/12AB00/key-persons') return json(spil);
      return problem(401, 'Not logged in.');
    });
    const user = userEvent.setup();
    const { router } = renderApp('/openbaar/scholen/12ab00/sleutelpersonen', { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sleutelpersonen van OBS De Spil' })).toBeInTheDocument();
    const people = screen.getByTestId('public-people');
    const fatima = within(people).getByRole('article', { name: 'Fatima' });
    expect(fatima).toHaveTextContent('Sleutelpersoon');
    expect(fatima).toHaveTextContent('Spreekt: Arabisch, Nederlands, Frans');
    expect(fatima).toHaveTextContent('Op dinsdagochtend op school.');
    expect(within(people).getByRole('article', { name: 'Karin Bos' })).toHaveTextContent('Aanspreekpunt sleutelpersonen');
    // Outside the app: no menu, no login.
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
    expect(router.state.location.pathname).toBe('/openbaar/scholen/12ab00/sleutelpersonen');
    expect(calls.some((c) => path(c) === '/api/v1/public/schools/12AB00/key-persons')).toBe(true);

    await user.click(screen.getByRole('link', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Key persons of OBS De Spil' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    const card = screen.getByRole('article', { name: 'Fatima' });
    expect(within(card).getByText('I help parents who speak Arabic or French.')).toBeInTheDocument();
    expect(card).toHaveTextContent('Speaks: Arabic, Dutch, French');
    // Karin has no English introduction: the Dutch one, marked as Dutch.
    expect(screen.getByText('Ik ben het aanspreekpunt.')).toHaveAttribute('lang', 'nl');
    expect(screen.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
    expect(window.localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  }, SLOW);

  it('tells a visitor kindly that a school code is unknown', async () => {
    mockFetch((req) =>
      path(req) === '/api/v1/public/schools/99ZZ99/key-persons' ? problem(404, 'There is no school with this code.') : problem(401, 'Not logged in.'),
    );
    renderApp('/openbaar/scholen/99ZZ99/sleutelpersonen', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze school kennen we niet' })).toBeInTheDocument();
    expect(screen.getByTestId('public-not-found')).toHaveTextContent('Er is geen school met de code 99ZZ99.');
  }, SLOW);

  it('does not ask the API about an address that is no school code', async () => {
    const { calls } = mockFetch(() => problem(401, 'Not logged in.'));
    renderApp('/openbaar/scholen/xyz/sleutelpersonen', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze school kennen we niet' })).toBeInTheDocument();
    expect(calls.some((c) => path(c).startsWith('/api/v1/public/'))).toBe(false);
  }, SLOW);
});
