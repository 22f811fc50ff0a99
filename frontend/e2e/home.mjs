// Browser test of the home page's "since your previous visit" (issue 16, item 4): after the
// registry suite's coordinator changed partnerships, the board administrator's home page lists
// those changes, with links, and passes axe. Called by run.mjs, after the registry suite.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';

/** @param {object} h helpers of run.mjs */
export async function homeTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, checkA11y, login, logout } = h;

  await test(`${BOARD_ADMIN} sees on the home page what colleagues changed, with links`, async () => {
    await login(page, BOARD_ADMIN);
    await page.goto(`${BASE_URL}/`);
    await settle(page);
    const section = page.getByTestId('recent-changes');
    await section.waitFor({ timeout: TIMEOUT });
    const title = await section.getByRole('heading', { level: 2 }).innerText();
    assert(/^(Sinds uw vorige bezoek|Wat er de afgelopen week veranderde)/.test(title), `heading: ${title}`);
    await section.getByText(/wijziging(en)? door anderen/).waitFor({ timeout: TIMEOUT });
    const text = await section.innerText();
    assert(/Samenwerking/.test(text), `no partnership among the recent changes: ${text}`);
    const link = section.getByRole('link').first();
    const href = await link.getAttribute('href');
    assert(/^\/(partnerships|people|partners|schools|boards)\/\d+$/.test(href ?? ''), `link: ${href}`);
    await checkA11y(page, 'home-recent-changes');
    await link.click();
    await page.waitForURL(/\/(partnerships|people|partners|schools|boards)\/\d+$/, { timeout: TIMEOUT });
    await logout(page);
  });
}
