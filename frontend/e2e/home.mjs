// Browser test of the home page's "since your previous visit" (issue 16, item 4): after the
// registry suite's coordinator changed partnerships, the board administrator's home page lists
// those changes, with links, and passes axe. Called by run.mjs, after the registry suite.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const COORDINATOR = 'coordinator@demo.spil.nl';

/** @param {object} h helpers of run.mjs */
export async function homeTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, checkA11y, login, logout } = h;

  await test(`${BOARD_ADMIN} sees on the home page what a colleague changed since the previous visit, with links`, async () => {
    // a visit, then a colleague's change (through the API, as the SPA would send it), then the next visit
    await login(page, BOARD_ADMIN);
    await logout(page);
    await login(page, COORDINATOR);
    const changed = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const list = await (await fetch('/api/v1/partnerships?pageSize=1')).json();
      const path = `/api/v1/partnerships/${list.items[0].id}`;
      const etag = (await fetch(path)).headers.get('ETag');
      const answer = await fetch(path, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag, 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ notes: 'Gewijzigd door de coördinator (browsertest).' }),
      });
      return { status: answer.status, partner: list.items[0].partnerName };
    });
    assert(changed.status === 200, `the coordinator's change answered ${changed.status}`);
    await logout(page);
    await login(page, BOARD_ADMIN);
    await page.goto(`${BASE_URL}/`);
    await settle(page);
    const section = page.getByTestId('recent-changes');
    await section.waitFor({ timeout: TIMEOUT });
    const title = await section.getByRole('heading', { level: 2 }).innerText();
    assert(/^Sinds uw vorige bezoek/.test(title), `heading: ${title}`);
    await section.getByText(/wijziging(en)? door anderen/).waitFor({ timeout: TIMEOUT });
    const text = await section.innerText();
    assert(/Samenwerking/.test(text) && text.includes(changed.partner), `the partnership with ${changed.partner} is not among the recent changes: ${text}`);
    const link = section.getByRole('link').first();
    const href = await link.getAttribute('href');
    assert(/^\/(partnerships|people|partners|schools|boards)\/\d+$/.test(href ?? ''), `link: ${href}`);
    await checkA11y(page, 'home-recent-changes');
    await link.click();
    await page.waitForURL(/\/(partnerships|people|partners|schools|boards)\/\d+$/, { timeout: TIMEOUT });
    await logout(page);
  });
}
