import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '../i18n';
import { boardAdmin, mockFetch, renderApp } from '../test/utils';
import { coordinator, page, referenceAnswer, viewer } from '../test/testData';

function answer(request: Request): Response {
  return referenceAnswer(new URL(request.url).pathname) ?? page([]);
}

function sections(nav: HTMLElement): string[] {
  return within(nav)
    .getAllByRole('listitem')
    .filter((li) => li.parentElement?.classList.contains('main-nav-sections'))
    .map((li) => (li.querySelector('button, a') as HTMLElement).textContent ?? '');
}

describe('the main menu', () => {
  it('groups the pages in at most seven sections, for every role', async () => {
    for (const user of [boardAdmin, coordinator, viewer]) {
      mockFetch(answer);
      const { unmount } = renderApp('/', { user });
      const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
      const tops = sections(nav);
      expect(tops.length).toBeLessThanOrEqual(7);
      expect(tops[0]).toBe('Overzicht');
      unmount();
    }
  });

  it('opens a section as a disclosure: aria-expanded, its links, Escape closes and returns focus', async () => {
    mockFetch(answer);
    const { router } = renderApp('/', { user: boardAdmin });
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    const organisation = within(nav).getByRole('button', { name: 'Organisatie' });
    expect(organisation).toHaveAttribute('aria-expanded', 'false');
    expect(within(nav).queryByRole('link', { name: 'Besturen' })).toBeNull();

    const user = userEvent.setup();
    await user.click(organisation);
    expect(organisation).toHaveAttribute('aria-expanded', 'true');
    const boards = within(nav).getByRole('link', { name: 'Besturen' });
    expect(boards).toBeVisible();

    await user.keyboard('{Escape}');
    expect(organisation).toHaveAttribute('aria-expanded', 'false');
    expect(organisation).toHaveFocus();

    // by keyboard: Enter opens, Tab reaches the first link, Enter follows it
    await user.keyboard('{Enter}');
    expect(organisation).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(within(nav).getByRole('link', { name: 'Besturen' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Besturen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/boards');
    // the menu closes on the new page, and its section is marked as the current one
    expect(organisation).toHaveAttribute('aria-expanded', 'false');
    expect(organisation).toHaveAttribute('aria-current', 'true');
    expect(within(nav).getByRole('button', { name: 'Beheer' })).not.toHaveAttribute('aria-current');
  });

  it('keeps one section open at a time, and closes it on a click elsewhere', async () => {
    mockFetch(answer);
    renderApp('/', { user: boardAdmin });
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    const user = userEvent.setup();
    const organisation = within(nav).getByRole('button', { name: 'Organisatie' });
    const admin = within(nav).getByRole('button', { name: 'Beheer' });
    await user.click(organisation);
    await user.click(admin);
    expect(organisation).toHaveAttribute('aria-expanded', 'false');
    expect(admin).toHaveAttribute('aria-expanded', 'true');
    expect(within(nav).getByRole('link', { name: 'Logboek' })).toBeVisible();
    await user.click(screen.getByRole('main'));
    expect(admin).toHaveAttribute('aria-expanded', 'false');
  });

  it('puts the complaint routes and the confidential work in one section', async () => {
    mockFetch(answer);
    renderApp('/', { user: boardAdmin });
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    await userEvent.click(within(nav).getByRole('button', { name: 'Klachten & vertrouwenswerk' }));
    expect(within(nav).getByRole('link', { name: 'Klachtenroutes' })).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Vertrouwenswerk' })).toBeVisible();
  });

  it('is in English too', async () => {
    await setupI18n().changeLanguage('en');
    mockFetch(answer);
    renderApp('/', { user: boardAdmin });
    const nav = await screen.findByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('button', { name: 'Organisation' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Administration' })).toBeInTheDocument();
  });
});
