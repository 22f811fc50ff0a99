// Browser tests of key persons and the volunteer allowance: the agreements and the allowance tracker
// (with a payment over the limit, recorded deliberately), the calculator, the activity log, the
// allowance rules, the public listings and the public page. Called by run.mjs, with its page,
// helpers and reporting; runs on the shared demo data after the registry tests.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const COORDINATOR = 'coordinator@demo.spil.nl';
const CONTACT_POINT = 'contactpunt@demo.spil.nl';
const REGION = 'regio@demo.spil.nl';

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TIMEOUT, test, assert,
 *   settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed
 */
export async function keyPersonTests(h) {
  const { page, context, BASE_URL, TODAY, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const tabs = () => page.getByRole('navigation', { name: 'Onderdelen van sleutelpersonen' });
  const year = Number(TODAY.slice(0, 4));
  const next = year + 1; // every month of this year up to now is paid in the demo; next year is open
  // Amounts come with a no-break space after the euro sign.
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ');
  const state = { fatimaUrl: null };

  async function goTab(name, urlPattern) {
    await tabs().getByRole('link', { name, exact: true }).click();
    await page.waitForURL(urlPattern, { timeout: TIMEOUT });
    await settle(page);
  }

  /** A visitor without a login: a browser context of its own, no cookies, nothing stored. */
  async function asVisitor(viewport, fn) {
    const visitor = await context.browser().newContext({ viewport, locale: 'nl-NL' });
    const visit = await visitor.newPage();
    visit.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await fn(visit, visitor);
    } finally {
      await visitor.close();
    }
  }

  async function noOverflow(p, what) {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `${what} is ${overflow}px wider than the phone`);
  }

  await test(`${BOARD_ADMIN} finds the key persons in the menu and their agreements`, async () => {
    await login(page, BOARD_ADMIN);
    await openMenuIfCollapsed(page);
    await goMenu(page, 'Sleutelpersonen', { exact: true });
    await page.waitForURL(/\/key-persons\/agreements$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, 'Vrijwilligersovereenkomsten')) === 'Vrijwilligersovereenkomsten', `heading is "${await heading(page)}"`);
    const rows = (await page.getByTestId('agreements-table').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    assert(rows.some((r) => r.includes('Fatima El Amrani') && r.includes('€ 160,00 per maand')), `agreements: ${JSON.stringify(rows)}`);
    const murat = rows.find((r) => r.includes('Murat Yılmaz')) ?? '';
    assert(/per uur/.test(murat) && /Nog niemand/.test(murat) && new RegExp(`Belast in ${year}`).test(murat), `Murat: ${murat}`);
    await checkA11y(page, 'keypersons-agreements');
  });

  await test("the allowance tracker of Fatima's agreement: chart, table, headroom, assumed rules, benefit type", async () => {
    await page.getByRole('link', { name: 'Fatima El Amrani' }).click();
    await page.waitForURL(/\/key-persons\/agreements\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    state.fatimaUrl = new URL(page.url()).pathname;
    assert((await heading(page, 'Overeenkomst met Fatima El Amrani')) === 'Overeenkomst met Fatima El Amrani', `heading is "${await heading(page)}"`);
    assert((await page.getByTestId('benefit-type').innerText()).trim() === 'Participatiewet', 'no benefit type "Participatiewet" for the board admin');
    const benefit = await page.getByTestId('benefit-warnings').innerText();
    assert(/gemeente moet vooraf toestemming/.test(benefit), `benefit warnings: ${benefit}`);
    const chart = page.getByTestId('allowance-chart');
    await chart.waitFor({ timeout: TIMEOUT });
    assert((await chart.locator('svg[role="img"] title').count()) === 1, 'the chart has no title');
    assert((await chart.locator('.chart-limit').count()) >= 1, 'the chart has no limit line');
    assert((await chart.locator('g[data-month]').count()) === 12, 'the chart does not show 12 months');
    const table = page.getByTestId('ledger-table');
    assert((await table.locator('tbody tr').count()) === 12, 'the table does not list 12 months');
    assert((await table.locator('caption').innerText()).includes('210,00'), 'the table caption does not name the monthly maximum');
    const headroom = (await page.getByTestId('headroom').innerText()).trim();
    assert(/^€\s?\d/.test(headroom), `headroom: ${headroom}`);
    const assumed = page.getByTestId('rules-assumed');
    if (year > 2025) {
      const notice = await assumed.innerText();
      assert(notice.includes('2025') && /aanname/.test(notice), `assumed rules notice: ${notice}`);
    }
    await checkA11y(page, 'keypersons-tracker');
  });

  await test(`a payment of €300 for January ${next}: the limit is explained, then recorded deliberately, and the year is taxable`, async () => {
    await page.getByLabel(/^Jaar/).selectOption(String(next));
    await settle(page);
    const form = page.locator('form.payment-form');
    await form.getByLabel(/^Maand/).selectOption(`${next}-01`);
    await form.getByLabel(/^Vergoeding/).fill('300');
    await andWaitForApi(page, /\/allowance-payments$/, () => form.getByRole('button', { name: 'Vastleggen' }).click());
    const problem = page.getByTestId('limit-problem');
    await problem.waitFor({ timeout: TIMEOUT });
    const explanation = await text(problem);
    assert(/[Jj]anuari \d{4}: € 300,00/.test(explanation) && /maximum van € 210,00 per maand/.test(explanation), `limit explanation: ${explanation}`);
    assert(/hele vrijwilligersvergoeding/.test(explanation), `no consequence in the explanation: ${explanation}`);
    assert(await problem.evaluate((el) => el === document.activeElement), 'focus is not on the explanation');
    const recordAnyway = problem.getByRole('button', { name: 'Toch vastleggen' });
    assert(await recordAnyway.isDisabled(), '"Toch vastleggen" is enabled before confirming');
    await checkA11y(page, 'keypersons-limit-exceeded');
    await problem.getByLabel(/leg de betaling bewust vast/).check();
    await andWaitForApi(page, /\/allowance-payments$/, () => recordAnyway.click());
    const message = page.getByTestId('payment-message');
    await message.waitFor({ timeout: TIMEOUT });
    assert(/vastgelegd/.test(await message.innerText()) && /belast/.test(await message.innerText()), `message: ${await message.innerText()}`);
    const taxable = page.getByTestId('taxable');
    await taxable.waitFor({ timeout: TIMEOUT });
    assert(new RegExp(`Belast.*${next}`).test(await taxable.innerText()), `taxable notice: ${await taxable.innerText()}`);
    const january = page.getByTestId('payments-table').locator(`tr[data-month="${next}-01"]`);
    await january.waitFor({ timeout: TIMEOUT });
    assert(/Bewust boven de grens/.test(await january.innerText()), `January row: ${await january.innerText()}`);
    const row = page.getByTestId('ledger-table').locator(`tr[data-month="${next}-01"]`);
    assert(/Boven het maximum/.test(await row.innerText()), `January in the table: ${await row.innerText()}`);
    assert((await page.getByTestId('violations').count()) === 1, 'no list of crossed limits');
    await checkA11y(page, 'keypersons-taxable');
  });

  await test('the agreement form shows the benefit type to the board admin', async () => {
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.waitForURL(/\/key-persons\/agreements\/\d+\/edit$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await page.getByLabel(/^Uitkering/).inputValue()) === 'participatiewet', 'the benefit type is not in the form');
    assert((await page.getByLabel(/^Bedrag per maand/).inputValue()) === '160', 'the fixed amount is not in the form');
    await page.getByRole('radio', { name: 'Vergoeding per uur' }).check();
    assert((await page.getByLabel(/^Bedrag per uur/).count()) === 1, 'choosing an hourly allowance shows no hourly rate');
    await page.getByRole('radio', { name: 'Vast bedrag per maand' }).check();
    await checkA11y(page, 'keypersons-agreement-edit');
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await page.waitForURL(/\/key-persons\/agreements\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
  });

  await test('a new agreement: the scheme\'s amount is asked for, then it is saved, and deleted again', async () => {
    await page.goto(`${BASE_URL}/key-persons/agreements/new`);
    await settle(page);
    assert((await heading(page, 'Nieuwe overeenkomst')) === 'Nieuwe overeenkomst', `heading is "${await heading(page)}"`);
    await page.getByLabel(/^Sleutelpersoon/).locator('option', { hasText: 'Vera Vertrouwen' }).waitFor({ state: 'attached', timeout: TIMEOUT });
    await page.getByLabel(/^Sleutelpersoon/).selectOption({ label: 'Vera Vertrouwen' });
    await page.getByRole('group', { name: 'Scholen' }).getByLabel('OBS De Spil').check();
    await page.getByRole('radio', { name: 'Vast bedrag per maand' }).check();
    await page.getByLabel(/^Startdatum/).fill(`${year}-09-01`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const amount = page.getByLabel(/^Bedrag per maand/);
    assert((await amount.getAttribute('aria-invalid')) === 'true', 'a fixed allowance without an amount is not marked');
    await checkA11y(page, 'keypersons-agreement-create-invalid');
    await amount.fill('50');
    await page.getByLabel(/^Taken/).fill('Koffieochtenden (e2e)');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/key-persons\/agreements\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, 'Overeenkomst met Vera Vertrouwen')) === 'Overeenkomst met Vera Vertrouwen', `heading is "${await heading(page)}"`);
    assert(/€ 50,00 per maand/.test(await text(page.getByTestId('agreement-details'))), 'the new agreement does not show its amount');
    await page.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click();
    await page.waitForURL(/\/key-persons\/agreements$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await page.getByRole('status').filter({ hasText: 'verwijderd' }).count()) === 1, 'no "deleted" message');
  });

  await test('the gaps dashboard names the allowance near and over the limit and links to the agreement', async () => {
    await page.goto(`${BASE_URL}/gaps`);
    await settle(page);
    const over = page.locator('.gap-item').filter({ hasText: 'Murat Yılmaz' }).filter({ hasText: 'Vergoeding over de grens' });
    await over.waitFor({ timeout: TIMEOUT });
    assert(/hele vergoeding is daardoor belast/.test(await over.innerText()), `gap: ${await over.innerText()}`);
    const near = page.locator('.gap-item').filter({ hasText: 'Fatima El Amrani' }).filter({ hasText: 'Vergoeding dicht bij de grens' });
    await near.waitFor({ timeout: TIMEOUT });
    assert(/€ [\d.]+,\d\d van € [\d.]+,\d\d/.test(await text(near)), `gap: ${await text(near)}`);
    const murat = page.locator('.gap-item').filter({ hasText: 'Sleutelpersoon zonder begeleider' });
    assert((await murat.count()) >= 1, 'no gap for a key person without a supervisor');
    await near.getByRole('link', { name: /Open de overeenkomst van Fatima El Amrani/ }).click();
    await page.waitForURL((url) => url.pathname === state.fatimaUrl, { timeout: TIMEOUT });
    await settle(page);
  });

  await test('the calculator: a month over the limit makes the whole allowance taxable', async () => {
    await page.goto(`${BASE_URL}/key-persons/calculator`);
    await settle(page);
    assert((await heading(page, 'Rekenhulp vrijwilligersvergoeding')) === 'Rekenhulp vrijwilligersvergoeding', `heading is "${await heading(page)}"`);
    await checkA11y(page, 'keypersons-calculator');
    await page.getByLabel(/^Jaar/).selectOption('2025');
    const rows = page.locator('.month-row');
    await rows.nth(0).getByLabel(/^Vergoeding/).fill('150');
    await rows.nth(1).getByLabel(/^Vergoeding/).fill('250');
    await rows.nth(2).getByLabel(/^Vergoeding/).fill('100');
    await rows.nth(2).getByRole('textbox', { name: 'Onkosten', exact: true }).fill('20');
    await page.getByRole('button', { name: 'Maand toevoegen' }).click();
    assert((await rows.count()) === 4, 'no fourth month row');
    assert(await rows.nth(3).locator('select').evaluate((el) => el === document.activeElement), 'focus is not on the new row');
    const names = await rows.locator('button').allInnerTexts();
    assert(names.length === 4 && /april 2025/.test(names[3] ?? ''), `remove buttons: ${JSON.stringify(names)}`);
    await rows.nth(3).getByRole('button', { name: /^Verwijderen/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.month-row').length === 3, null, { timeout: TIMEOUT });
    await andWaitForApi(page, /\/allowance-checks$/, () => page.getByRole('button', { name: 'Berekenen' }).click());
    const result = page.getByTestId('check-result');
    await result.waitFor({ timeout: TIMEOUT });
    const verdict = await text(result.getByTestId('verdict'));
    assert(/Belast/.test(verdict) && /Februari 2025: € 250,00/.test(verdict) && /maximum van € 210,00 per maand/.test(verdict), `verdict: ${verdict}`);
    const explanation = await result.getByTestId('explanation').innerText();
    assert(explanation.split('\n').length >= 2 && /hele vergoeding/.test(explanation), `explanation: ${explanation}`);
    await checkA11y(page, 'keypersons-calculator-taxable');
  });

  await test('the calculator offers the latest known rules, marked as an assumption, for a year without rules', async () => {
    await page.getByLabel(/^Jaar/).selectOption(String(year + 1));
    await andWaitForApi(page, /\/allowance-checks$/, () => page.getByRole('button', { name: 'Berekenen' }).click());
    const missing = page.getByTestId('rules-missing');
    await missing.waitFor({ timeout: TIMEOUT });
    assert(new RegExp(`Geen bedragen bekend voor ${year + 1}`).test(await missing.innerText()), `missing: ${await missing.innerText()}`);
    await checkA11y(page, 'keypersons-calculator-no-rules');
    await andWaitForApi(page, /\/allowance-checks$/, () => missing.getByRole('button', { name: /\(aanname\)$/ }).click());
    const assumed = page.getByTestId('check-result').getByTestId('rules-assumed');
    await assumed.waitFor({ timeout: TIMEOUT });
    assert(/aanname/.test(await assumed.innerText()), `assumed: ${await assumed.innerText()}`);
  });

  await test('the allowance rules: the years with their sources', async () => {
    await goTab('Maximale bedragen', /\/key-persons\/rules$/);
    const row = page.getByTestId('rules-table').locator('tr[data-year="2025"]');
    const figures = await text(row);
    assert(/€ 210,00/.test(figures) && /€ 2\.100,00/.test(figures) && /€ 5,60/.test(figures), `2025: ${figures}`);
    assert((await row.locator('a[href^="http"]').count()) >= 1, 'no source links for 2025');
    assert((await page.getByRole('button', { name: 'Jaar toevoegen' }).count()) === 0, 'a board admin may add a year');
    await row.getByRole('button', { name: /Eerdere bedragen/ }).click();
    await page.getByTestId('revisions').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'keypersons-rules');
  });

  await test('the activity log: add a workshop and see it listed', async () => {
    await goTab('Activiteiten', /\/key-persons\/activities/);
    const rows = page.getByTestId('activities-table').locator('tbody tr');
    assert((await rows.count()) >= 4, `fewer than 4 demo activities: ${await rows.count()}`);
    await checkA11y(page, 'keypersons-activities');
    await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await page.waitForURL(/\/key-persons\/activities\/new/, { timeout: TIMEOUT });
    await settle(page);
    await page.getByLabel(/^School/).selectOption({ label: 'OBS De Spil' });
    await page.getByLabel(/^Soort/).selectOption('workshop');
    await page.getByLabel(/^Titel/).fill('Workshop voorlezen (e2e)');
    const people = page.getByRole('group', { name: 'Sleutelpersonen' });
    await people.getByLabel('Fatima El Amrani').waitFor({ timeout: TIMEOUT });
    await people.getByLabel('Fatima El Amrani').check();
    await page.getByLabel(/^Ouders bereikt/).fill('7');
    await page.getByRole('group', { name: 'Gesproken talen' }).getByLabel('Arabisch').check();
    await checkA11y(page, 'keypersons-activity-create');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/key-persons\/activities$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await page.getByRole('status').filter({ hasText: 'De activiteit is vastgelegd' }).count()) === 1, 'no "recorded" message');
    const row = page.getByTestId('activities-table').locator('tbody tr').filter({ hasText: 'Workshop voorlezen (e2e)' });
    await row.waitFor({ timeout: TIMEOUT });
    const listed = await text(row);
    assert(/Workshop/.test(listed) && /Fatima El Amrani/.test(listed) && /Arabisch/.test(listed) && /\b7\b/.test(listed), `row: ${listed}`);
  });

  await test('the public listings of OBS De Spil, with a link to the public page', async () => {
    await goTab('Openbare pagina', /\/key-persons\/listings/);
    const picker = page.getByLabel('School', { exact: true });
    if ((await picker.count()) === 1) {
      await picker.selectOption({ label: 'OBS De Spil' });
      await page.getByRole('button', { name: 'Tonen' }).click();
      await settle(page);
    }
    const table = page.getByTestId('listings-table');
    await table.waitFor({ timeout: TIMEOUT });
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert(rows.some((r) => r.includes('Fatima') && r.includes('Zichtbaar')), `listings: ${JSON.stringify(rows)}`);
    assert(rows.some((r) => r.includes('Karin Bos')), `listings: ${JSON.stringify(rows)}`);
    const href = await page.getByTestId('public-link').getAttribute('href');
    assert(href === '/openbaar/scholen/12AB00/sleutelpersonen', `public link: ${href}`);
    await checkA11y(page, 'keypersons-listings');
    await logout(page);
  });

  await test(`${COORDINATOR} sees Fatima's agreement without the benefit type`, async () => {
    assert(state.fatimaUrl, "Fatima's agreement was not opened");
    await login(page, COORDINATOR);
    await page.goto(`${BASE_URL}${state.fatimaUrl}`);
    await settle(page);
    await page.getByTestId('agreement-details').waitFor({ timeout: TIMEOUT });
    assert((await page.getByTestId('benefit-type').count()) === 0, 'a coordinator sees the benefit type');
    assert((await page.getByTestId('benefit-warnings').count()) === 0, 'a coordinator sees the benefit warnings');
    assert(!(await page.locator('main').innerText()).includes('Participatiewet'), 'a coordinator sees "Participatiewet"');
    await page.getByTestId('allowance-chart').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'keypersons-coordinator-agreement');
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.waitForURL(/\/edit$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await page.getByLabel(/^Uitkering/).count()) === 0, 'a coordinator gets the benefit type in the form');
    await logout(page);
  });

  await test(`${CONTACT_POINT} (Karin Bos, the contact point) does see the benefit type`, async () => {
    await login(page, CONTACT_POINT);
    await page.goto(`${BASE_URL}${state.fatimaUrl}`);
    await settle(page);
    assert((await page.getByTestId('benefit-type').innerText()).trim() === 'Participatiewet', 'the contact point does not see the benefit type');
    await logout(page);
  });

  await test(`${REGION} gets no key persons and no colleagues`, async () => {
    await login(page, REGION);
    const menu = await menuText(page);
    for (const item of ['Sleutelpersonen', 'Mensen', 'Partners', 'Samenwerkingen']) {
      assert(!menu.includes(item), `a region contact sees "${item}" in the menu`);
    }
    assert(menu.includes('Indicatoren'), `a region contact misses the indicators in the menu: ${menu}`);
    await page.goto(`${BASE_URL}/key-persons/agreements`);
    await settle(page);
    assert(/geen toestemming/.test(await page.getByRole('alert').innerText()), 'a region contact is not told they may not see key persons');
    await logout(page);
  });

  await test('the public page of OBS De Spil without a login: Fatima and Karin Bos, not Murat; in English too', async () => {
    await asVisitor({ width: 1280, height: 900 }, async (pub, visitor) => {
      await pub.goto(`${BASE_URL}/openbaar/scholen/12AB00/sleutelpersonen`);
      await settle(pub);
      assert((await heading(pub, 'Sleutelpersonen van OBS De Spil')) === 'Sleutelpersonen van OBS De Spil', `heading is "${await heading(pub)}"`);
      const cards = await pub.getByTestId('public-people').locator('li').allInnerTexts();
      assert(cards.length === 2, `expected 2 people, saw ${JSON.stringify(cards)}`);
      assert(cards.some((c) => c.includes('Fatima') && c.includes('Arabisch') && c.includes('Sleutelpersoon')), `cards: ${JSON.stringify(cards)}`);
      assert(cards.some((c) => c.includes('Karin Bos') && c.includes('023 555 0101')), `cards: ${JSON.stringify(cards)}`);
      assert(!(await pub.locator('body').innerText()).includes('Murat'), 'Murat (unpublished) is on the public page');
      assert((await pub.locator('.app-header').count()) === 0, 'the public page shows the app header');
      await checkA11y(pub, 'public-keypersons');
      await pub.getByRole('link', { name: 'English' }).click();
      await pub.waitForURL(/lang=en/, { timeout: TIMEOUT });
      await pub.getByRole('heading', { level: 1, name: 'Key persons of OBS De Spil' }).waitFor({ timeout: TIMEOUT });
      assert((await pub.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
      assert(/get to know the school/.test(await pub.locator('main').innerText()), 'the English introduction is not shown');
      await checkA11y(pub, 'public-keypersons-english');
      const stored = await pub.evaluate(() => window.localStorage.length + window.sessionStorage.length);
      assert(stored === 0, `the public page stored ${stored} item(s) in the browser`);
      assert((await visitor.cookies()).length === 0, 'the public page set a cookie');
    });
  });

  await test('the public page fits a 375px phone, and an unknown school code gets a friendly page', async () => {
    await asVisitor({ width: 375, height: 740 }, async (phone) => {
      await phone.goto(`${BASE_URL}/openbaar/scholen/12AB00/sleutelpersonen`);
      await settle(phone);
      await noOverflow(phone, 'the public page');
      await checkA11y(phone, 'public-keypersons-phone');
      await phone.goto(`${BASE_URL}/openbaar/scholen/99ZZ99/sleutelpersonen`);
      await settle(phone);
      await phone.getByTestId('public-not-found').waitFor({ timeout: TIMEOUT });
      assert((await heading(phone, 'Deze school kennen we niet')) === 'Deze school kennen we niet', `heading is "${await heading(phone)}"`);
      await noOverflow(phone, 'the not-found page');
      await checkA11y(phone, 'public-keypersons-not-found');
    });
  });

  await test('the tracker and the calculator on a 375px phone', async () => {
    await login(page, BOARD_ADMIN);
    const phone = await context.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      for (const [path, name] of [
        [state.fatimaUrl ?? '/key-persons/agreements', 'keypersons-phone-tracker'],
        ['/key-persons/calculator', 'keypersons-phone-calculator'],
      ]) {
        await phone.goto(`${BASE_URL}${path}`);
        await settle(phone);
        await noOverflow(phone, path);
        await checkA11y(phone, name);
      }
    } finally {
      await phone.close();
    }
    await logout(page);
  });
}
