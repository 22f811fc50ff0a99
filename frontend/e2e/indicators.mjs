// Browser test of the indicators dashboard: the board administrator chooses "parent-contacts" for the
// demo board and sees the figures as a table (and a chart), axe on the page. Called by run.mjs, last.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';

/**
 * @param {object} h helpers of run.mjs: page, test, assert, settle, checkA11y,
 *   heading, login, logout, openMenuIfCollapsed
 */
export async function indicatorTests(h) {
  const { page, test, assert, settle, checkA11y, heading, login, logout, openMenuIfCollapsed } = h;

  await test(`${BOARD_ADMIN} sees the board's parent contacts as a chart and a table`, async () => {
    await login(page, BOARD_ADMIN);
    await openMenuIfCollapsed(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Indicatoren' }).click();
    await page.waitForURL((url) => url.pathname === '/indicators');
    await settle(page);
    assert((await heading(page)) === 'Indicatoren', `heading is "${await heading(page)}"`);
    const scope = page.getByLabel('Bestuur, school of regio');
    const board = await scope.locator('optgroup[label="Besturen"] option').first().getAttribute('value');
    assert(board && board.startsWith('board:'), `no board to choose: ${board}`);
    // Either may be chosen already (the first board, the first indicator): then nothing is asked anew.
    await scope.selectOption(board);
    await page.getByLabel('Indicator', { exact: true }).selectOption('parent-contacts');
    await settle(page);
    await page.locator('[data-testid="series-table"] caption', { hasText: 'Contactmomenten met ouders' }).waitFor();
    const table = page.getByTestId('series-table');
    await table.waitFor();
    const caption = await table.locator('caption').innerText();
    assert(caption.startsWith('Contactmomenten met ouders'), `caption is "${caption}"`);
    const values = await table.locator('tbody td:nth-of-type(1)').allInnerTexts();
    assert(values.some((v) => /^\d+$/.test(v.trim())), `no values in the table: ${JSON.stringify(values)}`);
    assert((await page.getByTestId('trend-chart').count()) === 1, 'no chart');
    assert((await page.getByTestId('compare-table').count()) === 1, 'no comparison of the schools');
    await checkA11y(page, 'indicators-dashboard');
    await logout(page);
  });
}
