// Browser tests of the area dashboards and the regions' administration: the municipal contact point
// of Haarlem opens their dashboard from the menu (3 schools of 2 boards, ✗ for CBS De Ark's
// statutory roles, a filter on a board, no person's name anywhere, on a desktop and a 375px phone),
// and the platform administrator creates a GGD region with Haarlem and Heemstede and is refused
// (409, the API's own words) when adding Haarlem to a second GGD region; both regions are deleted
// again. axe on every page. Called by run.mjs, after the indicators.

const MUNICIPALITY_CONTACT = 'gemeente@demo.spil.nl';
const PLATFORM_ADMIN = 'admin@demo.spil.nl';
const HAARLEM_SCHOOLS = ['Basisschool De Regenboog', 'CBS De Ark', 'OBS De Spil'];
const ARK = '78JK00';
const OTHER_BOARD = 'Stichting Tweede Demo';
// People of the demo: none of them may appear on an area's pages (aggregates only).
const PEOPLE = ['Chris Coördinator', 'Fatima', 'Vera Vertrouwen', 'Karin Bos', 'Dewi Directeur', 'Bram Bestuur', 'Lars Lezer', 'Tim Tweede'];
// The regions this test makes start with this code, so that a run that stopped half-way is cleaned up.
const CODE_PREFIX = 'E2E-GGD';

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TIMEOUT, test, assert,
 *   settle, andWaitForApi, checkA11y, screenshot, heading, login, logout, openMenuIfCollapsed
 */
export async function areaTests(h) {
  const { page, context, BASE_URL, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const suffix = String(Date.now()).slice(-6);
  const first = { name: `E2E GGD Kennemerland ${suffix}`, code: `${CODE_PREFIX}-${suffix}`, url: null };
  const second = { name: `E2E GGD Tweede ${suffix}`, code: `${CODE_PREFIX}-${suffix}-2`, url: null };
  const state = { dashboardUrl: null };

  /**
   * The page's main content names no person and shows no e-mail address (but the employer service
   * point's: an organisation's public contact, kept by the region itself).
   */
  async function noPeople(p, where) {
    let text = await p.locator('main').innerText();
    for (const card of await p.getByTestId('service-point').allInnerTexts()) text = text.replace(card, '');
    for (const name of PEOPLE) assert(!text.includes(name), `${where} shows the name "${name}"`);
    const email = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(text);
    assert(!email, `${where} shows the e-mail address ${email?.[0]}`);
  }

  async function noOverflow(p, what) {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const wide = await p.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(-3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`),
      );
      await h.screenshot(p, 'overflow');
      assert(false, `${what} is ${overflow}px wider than the phone: ${wide.join(' | ')}`);
    }
  }

  /** Opens each address in a 375px wide page of the same session: nothing wider than the phone, no axe violations. */
  async function onPhone(addresses, check = async () => {}) {
    const phone = await context.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      for (const [address, name] of addresses) {
        await phone.goto(address.startsWith('http') ? address : `${BASE_URL}${address}`);
        await settle(phone);
        await noOverflow(phone, address);
        await checkA11y(phone, name);
        await check(phone, address);
      }
    } finally {
      await phone.close();
    }
  }

  /** The school names in the dashboard's table, in its order. */
  async function schoolNames() {
    return (await page.getByTestId('area-schools-table').locator('tbody tr td:first-child strong').allInnerTexts()).map((s) => s.trim());
  }

  /** Deletes, through the API, the regions an earlier run of this test left behind. */
  async function removeLeftovers() {
    const left = await page.evaluate(async (prefix) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const list = await (await fetch(`/api/v1/regions?kind=ggd&q=${encodeURIComponent(prefix)}&pageSize=100`)).json();
      const removed = [];
      for (const region of list.items ?? []) {
        if (!String(region.code).startsWith(prefix)) continue;
        const current = await fetch(`/api/v1/regions/${region.id}`);
        await fetch(`/api/v1/regions/${region.id}`, {
          method: 'DELETE',
          headers: { 'If-Match': current.headers.get('ETag') ?? '', 'X-CSRF-Token': session.csrfToken },
        });
        removed.push(region.code);
      }
      return removed;
    }, CODE_PREFIX);
    if (left.length > 0) process.stdout.write(`# removed regions left by an earlier run: ${left.join(', ')}\n`);
  }

  /** Fills in the new-region form: a GGD region with the given municipalities. */
  async function createRegion(region, municipalities) {
    await page.goto(`${BASE_URL}/regions`);
    await settle(page);
    await page.getByRole('link', { name: 'Nieuwe regio' }).click();
    await page.waitForURL((url) => url.pathname === '/regions/new', { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: 'Nieuwe regio', exact: true }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    await page.getByLabel(/^Soort/).selectOption('ggd');
    await page.getByLabel(/^Naam/).fill(region.name);
    await page.getByLabel(/^Code/).fill(region.code);
    const search = page.getByLabel('Zoek een gemeente');
    for (const name of municipalities) {
      await search.fill(name);
      await page.getByRole('checkbox', { name, exact: true }).check();
    }
    const chosen = municipalities.length > 0 ? await page.getByTestId('chosen-municipalities').innerText() : '';
    for (const name of municipalities) assert(chosen.includes(name), `"${name}" is not among the chosen: ${chosen}`);
    if (municipalities.length > 0) await checkA11y(page, 'region-create');
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await page.waitForURL(/\/regions\/\d+$/, { timeout: TIMEOUT });
    // The router keeps the form on screen until the new page has rendered: wait for its heading.
    await page.getByRole('heading', { level: 1, name: region.name, exact: true }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    region.url = page.url();
    await page.getByRole('status').filter({ hasText: 'De regio is aangemaakt.' }).waitFor({ timeout: TIMEOUT });
  }

  async function deleteRegion(region) {
    if (!region.url) return;
    await page.goto(region.url);
    await settle(page);
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('group').getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForURL((url) => url.pathname === '/regions', { timeout: TIMEOUT });
    await page.getByRole('status').filter({ hasText: `De regio ${region.name} is verwijderd.` }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    region.url = null;
  }

  await test(`${MUNICIPALITY_CONTACT} opens the Haarlem dashboard from the menu: 3 schools of 2 boards, no person's name`, async () => {
    await login(page, MUNICIPALITY_CONTACT);
    await openMenuIfCollapsed(page);
    const navText = await menuText(page);
    assert(!navText.includes("Regio's"), `a municipal contact point sees the regions' administration: ${navText}`);
    await goMenu(page, 'Mijn gemeente');
    await page.waitForURL(/\/gebied\/gemeente\/\d+$/, { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: 'Haarlem', exact: true }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    state.dashboardUrl = page.url();
    assert((await heading(page, 'Haarlem')) === 'Haarlem', `heading is "${await heading(page)}"`);
    assert((await page.locator('.area-kicker').innerText()).trim().toLowerCase() === 'gemeente', 'the kind of area is not named');
    const boards = (await page.getByTestId('area-boards').innerText()).trim();
    assert(boards === '2', `boards: ${boards}`);
    const schools = (await page.getByTestId('area-schools').innerText()).trim();
    assert(/^3\b/.test(schools), `schools: ${schools}`);
    const names = await schoolNames();
    assert(JSON.stringify([...names].sort()) === JSON.stringify(HAARLEM_SCHOOLS), `schools listed: ${JSON.stringify(names)}`);
    const boardNames = new Set(
      (await page.getByTestId('area-schools-table').locator('tbody tr td:nth-child(2)').allInnerTexts()).map((b) => b.trim()),
    );
    assert(boardNames.size === 2 && boardNames.has('Stichting Spil Demo') && boardNames.has(OTHER_BOARD), `boards: ${[...boardNames]}`);
    const count = (await page.getByTestId('school-count').innerText()).trim();
    assert(count === '3 scholen', `count: ${count}`);
    await noPeople(page, 'the Haarlem dashboard');
    await checkA11y(page, 'area-dashboard');
  });

  await test('CBS De Ark misses its statutory roles: ✗, and "ontbreekt" for screen readers; the coverage names it', async () => {
    const ark = page.locator(`tr[data-school="${ARK}"]`);
    assert((await ark.count()) === 1, 'no row for CBS De Ark');
    const cells = ark.locator('td[data-required="law"]');
    const n = await cells.count();
    assert(n >= 1, 'no statutory roles in the table');
    for (let i = 0; i < n; i++) {
      const cell = cells.nth(i);
      const text = (await cell.textContent()) ?? '';
      assert((await cell.getAttribute('data-filled')) === 'no', `role ${await cell.getAttribute('data-role')} is not missing at CBS De Ark`);
      assert(text.includes('✗') && text.includes('ontbreekt'), `cell of ${await cell.getAttribute('data-role')}: "${text}"`);
    }
    const coverage = await page.getByTestId('coverage-list').innerText();
    assert(/Ontbreekt bij:[^\n]*CBS De Ark/.test(coverage), `coverage: ${coverage.slice(0, 400)}`);
    assert(/Ingevuld bij \d+ van 3 scholen/.test(coverage), `coverage: ${coverage.slice(0, 400)}`);
    // The route finder of each school is public.
    const finder = await ark.getByRole('link', { name: /^Routewijzer/ }).getAttribute('href');
    assert(finder === `/openbaar/scholen/${ARK}/klachtenroutes`, `route finder link: ${finder}`);
    // Small numbers are hidden and explained.
    const keyPersons = (await page.getByTestId('key-person-count').innerText()).trim();
    if (keyPersons.startsWith('<')) {
      const note = await page.getByTestId('small-numbers-note').first().innerText();
      assert(note.includes('kleine aantallen worden niet getoond'), `no explanation of "<5": ${note}`);
    } else {
      assert(/^\d+$/.test(keyPersons), `key persons: ${keyPersons}`);
    }
    const csv = await page.getByRole('link', { name: /^CSV/ }).getAttribute('href');
    assert(/\/api\/v1\/municipalities\/\d+\/overview\/export\?format=csv$/.test(csv ?? ''), `CSV link: ${csv}`);
    const xlsx = await page.getByRole('link', { name: /XLSX/ }).getAttribute('href');
    assert(/\/overview\/export\?format=xlsx$/.test(xlsx ?? ''), `XLSX link: ${xlsx}`);
    const file = await page.request.get(`${BASE_URL}${csv}`);
    assert(file.ok(), `the CSV export answers ${file.status()}`);
    const body = await file.text();
    assert(body.includes('CBS De Ark'), 'the CSV lacks CBS De Ark');
    for (const name of PEOPLE) assert(!body.includes(name), `the CSV names "${name}"`);
  });

  await test('the dashboard filters the schools on a board (the API\'s boardId), and clears the filter', async () => {
    await page.getByLabel('Bestuur', { exact: true }).selectOption({ label: OTHER_BOARD });
    await andWaitForApi(page, /\/municipalities\/\d+\/overview\?.*boardId=\d+/, () => page.getByRole('button', { name: 'Filteren' }).click());
    assert(/boardId=\d+/.test(page.url()), `the filter is not in the address: ${page.url()}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-schools-table"] tbody tr').length === 1, null, { timeout: TIMEOUT });
    const names = await schoolNames();
    assert(JSON.stringify(names) === JSON.stringify(['CBS De Ark']), `filtered schools: ${JSON.stringify(names)}`);
    const count = (await page.getByTestId('school-count').innerText()).trim();
    assert(count === '1 van de 3 scholen', `count: ${count}`);
    await checkA11y(page, 'area-dashboard-filtered');
    await page.getByRole('button', { name: 'Wissen' }).click();
    await page.waitForURL((url) => !url.search.includes('boardId='), { timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-schools-table"] tbody tr').length === 3, null, { timeout: TIMEOUT });
    await settle(page);
  });

  await test('the Haarlem dashboard on a 375px phone: nothing wider than the screen, no axe violations, no names', async () => {
    assert(state.dashboardUrl, 'the dashboard was not opened');
    await onPhone([[state.dashboardUrl, 'area-dashboard-phone']], (phone) => noPeople(phone, 'the dashboard on a phone'));
  });

  await test('from the dashboard to the indicators of Haarlem, the municipality chosen', async () => {
    await page.getByRole('link', { name: 'Indicatoren voor Haarlem' }).click();
    await page.waitForURL((url) => url.pathname === '/indicators' && /scope=municipality(:|%3A)\d+/.test(url.search), { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: 'Indicatoren', exact: true }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    const scope = page.getByLabel('Bestuur, school, gemeente of regio');
    const value = await scope.inputValue();
    assert(/^municipality:\d+$/.test(value), `the scope chosen is "${value}"`);
    assert((await scope.locator('option:checked').innerText()).trim() === 'Haarlem', 'Haarlem is not the chosen scope');
    await checkA11y(page, 'area-indicators');
    await logout(page);
  });

  await test(`${PLATFORM_ADMIN} creates a GGD region with Haarlem and Heemstede`, async () => {
    await login(page, PLATFORM_ADMIN);
    await removeLeftovers();
    await openMenuIfCollapsed(page);
    await goMenu(page, "Regio's", { exact: true });
    await page.waitForURL((url) => url.pathname === '/regions', { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: "Regio's", exact: true }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    await page.getByLabel('Soort').selectOption('labour-market');
    await andWaitForApi(page, /\/regions\?.*kind=labour-market/, () => page.getByRole('button', { name: 'Zoeken' }).click());
    const kinds = await page.getByTestId('regions-table').locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert(kinds.length > 0 && kinds.every((k) => k.trim() === 'Arbeidsmarktregio'), `kinds listed: ${JSON.stringify(kinds.slice(0, 5))}`);
    await checkA11y(page, 'regions-list');

    await createRegion(first, ['Haarlem', 'Heemstede']);
    const members = await page.getByTestId('region-municipalities').innerText();
    assert(members.includes('Haarlem') && members.includes('Heemstede'), `municipalities: ${members}`);
    assert((await page.getByTestId('municipality-count').innerText()).trim() === '2', 'the region does not count 2 municipalities');
    await checkA11y(page, 'region-detail');
  });

  await test('adding Haarlem to a second GGD region is refused with the API\'s 409, in its own words', async () => {
    await createRegion(second, []);
    await page.getByRole('button', { name: 'Gemeenten wijzigen' }).click();
    const editor = page.getByTestId('municipalities-editor');
    await editor.waitFor({ timeout: TIMEOUT });
    await settle(page);
    await editor.getByLabel('Zoek een gemeente').fill('Haarlem');
    const haarlem = editor.getByRole('checkbox', { name: 'Haarlem', exact: true });
    const described = await haarlem.getAttribute('aria-describedby');
    assert(described, 'Haarlem does not say it lies in another GGD region already');
    const hint = await page.locator(`[id="${described}"]`).innerText();
    assert(hint.includes(first.name), `the hint next to Haarlem: ${hint}`);
    await haarlem.check();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && /\/api\/v1\/regions\/\d+\/municipalities$/.test(r.url()), { timeout: TIMEOUT }),
      editor.getByRole('button', { name: 'Gemeenten opslaan' }).click(),
    ]);
    assert(answer.status() === 409, `the API answered ${answer.status()}`);
    assert(Boolean(answer.request().headers()['if-match']), 'the change was sent without If-Match');
    const detail = (await answer.json()).detail;
    const alert = page.getByTestId('region-conflict');
    await alert.waitFor({ timeout: TIMEOUT });
    const text = await alert.innerText();
    assert(text.includes('Niet opgeslagen: een gemeente ligt in hoogstens één regio van elke soort.'), `alert: ${text}`);
    assert(text.includes(detail) && detail.includes('Haarlem') && detail.includes(first.name), `alert: ${text} / detail: ${detail}`);
    await checkA11y(page, 'region-conflict');
    await onPhone([['/regions', 'regions-list-phone'], [second.url, 'region-detail-phone']]);
    await editor.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Gemeenten wijzigen' }).waitFor({ timeout: TIMEOUT });
    assert((await page.getByText('Deze regio heeft nog geen gemeenten.').count()) === 1, 'the refused change was saved after all');
  });

  await test('the platform administrator deletes both test regions again', async () => {
    await deleteRegion(second);
    await deleteRegion(first);
    await logout(page);
  });
}
