// Browser tests of the complaint routes and confidential work: the public route finder (no login, on a
// phone), the route editor, the case register and the annual report. Called by run.mjs, with its
// page, helpers and reporting; runs after the registry tests on the same demo data.

const SCHOOL_ADMIN = 'directie@demo.spil.nl';
const COUNSELLOR = 'vertrouwenspersoon@demo.spil.nl';
const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const LOCATION = '12AB00';
const FINDER = `/openbaar/scholen/${LOCATION}/klachtenroutes`;
const REWORDED = 'Praat eerst met de leerkracht of mentor van uw kind (e2e).';

/** The day `days` before the product's date `today` (YYYY-MM-DD), as the date input wants it. */
function daysBefore(today, days) {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TIMEOUT, test, assert,
 *   settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed
 */
export async function complaintsTests(h) {
  const { page, context, BASE_URL, TODAY, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;

  /** A phone in a browser context of its own: no session, no cookies. */
  async function anonymousPhone() {
    const phoneContext = await context.browser().newContext({ viewport: { width: 375, height: 740 }, locale: 'nl-NL' });
    phoneContext.setDefaultTimeout(TIMEOUT);
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    phone.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) h.pageErrors.push(msg.text());
    });
    return { phone, phoneContext };
  }

  async function noOverflow(p, what) {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const wide = await p.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(-3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`),
      );
      await h.screenshot(p, 'overflow');
      assert(false, `${what} is ${overflow}px wider than the phone: ${wide.join(' | ')}`);
    }
  }

  /** The finder as a parent, about bullying: returns the text of the steps. */
  async function parentAboutBullying(p) {
    await p.getByRole('link', { name: 'Ik ben ouder of verzorger' }).click();
    await p.getByRole('heading', { name: 'Stap 2: Waar gaat het over?' }).waitFor({ timeout: TIMEOUT });
    await p.getByRole('link', { name: /Pesten, discriminatie of geweld op school/ }).click();
    await p.getByRole('heading', { name: 'Zo pakt u het aan' }).waitFor({ timeout: TIMEOUT });
    await settle(p);
    return p.locator('.route-steps').innerText();
  }

  await test('the public route finder on a 375px phone without login: parent, bullying, steps with Vera and 112', async () => {
    const { phone, phoneContext } = await anonymousPhone();
    try {
      await phone.goto(`${BASE_URL}${FINDER}`);
      await settle(phone);
      assert((await heading(phone, 'Wie helpt bij een zorg of klacht?')) === 'Wie helpt bij een zorg of klacht?', `heading is "${await heading(phone)}"`);
      assert(new URL(phone.url()).pathname === FINDER, `the finder sent the visitor to ${phone.url()}`);
      assert((await phone.locator('.app-header').count()) === 0, 'the app header shows on the public page');
      assert((await phone.locator('.public-school').innerText()).includes('OBS De Spil'), 'no school name');
      await noOverflow(phone, 'the finder');
      await checkA11y(phone, 'public-finder-who');
      // Keyboard: the choices are links in the tab order.
      await phone.getByRole('link', { name: 'Ik ben ouder of verzorger' }).focus();
      await phone.keyboard.press('Enter');
      const about = phone.getByRole('heading', { name: 'Stap 2: Waar gaat het over?' });
      await about.waitFor({ timeout: TIMEOUT });
      assert(await about.evaluate((el) => el === document.activeElement), 'focus did not move to the second question');
      await noOverflow(phone, 'the areas');
      await checkA11y(phone, 'public-finder-about');
      // The topics follow the reader: a parent reads about their child.
      assert((await phone.getByRole('link', { name: /^Het gaat niet goed met mijn kind/ }).count()) === 1, 'the parent is not offered "Het gaat niet goed met mijn kind"');
      await phone.getByRole('link', { name: /Pesten, discriminatie of geweld op school/ }).click();
      await phone.getByRole('heading', { name: 'Zo pakt u het aan' }).waitFor({ timeout: TIMEOUT });
      await settle(phone);
      const steps = await phone.locator('.route-steps').innerText();
      assert(/Stap 1/.test(steps) && /Stap 6/.test(steps), `steps: ${steps.slice(0, 300)}`);
      assert(steps.includes('Vera Vertrouwen'), 'Vera Vertrouwen is not on the route');
      assert(steps.includes('vraag naar Vera'), `Vera's way to be reached is missing: ${steps}`);
      const emergency = phone.getByRole('link', { name: 'Bel 112' });
      assert((await emergency.getAttribute('href')) === 'tel:112', 'no tel: link to 112');
      const tel = await phone.locator('.route-steps a[href^="tel:"]').count();
      assert(tel >= 1, 'no phone number as a tel: link in the steps');
      await noOverflow(phone, 'the route');
      await checkA11y(phone, 'public-finder-route');
      // English through the address; nothing stored in the browser.
      await phone.getByRole('link', { name: 'English' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Where can you go?' }).waitFor({ timeout: TIMEOUT });
      assert((await phone.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
      assert(/lang=en/.test(phone.url()), `the language is not in the address: ${phone.url()}`);
      await checkA11y(phone, 'public-finder-route-en');
      const stored = await phone.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
      assert(stored.local === 0 && stored.session === 0 && stored.cookie === '', `the finder stored something: ${JSON.stringify(stored)}`);
      assert((await phoneContext.cookies()).length === 0, 'the finder set a cookie');
    } finally {
      await phoneContext.close();
    }
  });

  await test('the public route finder in Arabic on a 375px phone: right to left, axe clean, the steps of the chosen route', async () => {
    const { phone, phoneContext } = await anonymousPhone();
    try {
      await phone.goto(`${BASE_URL}${FINDER}?lang=ar`);
      await settle(phone);
      assert((await heading(phone, 'إلى أين يمكنك التوجه؟')) === 'إلى أين يمكنك التوجه؟', `heading is "${await heading(phone)}"`);
      const root = await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
      assert(JSON.stringify(root) === JSON.stringify(['ar', 'rtl']), `html lang/dir: ${JSON.stringify(root)}`);
      await noOverflow(phone, 'the Arabic route finder');
      await checkA11y(phone, 'public-finder-ar');
      await phone.getByRole('link', { name: 'أنا أحد الوالدين أو وليّ الأمر' }).click();
      await phone.getByRole('link', { name: /التنمّر أو التمييز أو العنف في المدرسة/ }).click();
      await phone.getByRole('heading', { name: 'ما يمكنك فعله' }).waitFor({ timeout: TIMEOUT });
      assert((await phone.locator('a[href="tel:112"]').count()) >= 1, 'no call to 112');
      await noOverflow(phone, 'the Arabic route');
      await checkA11y(phone, 'public-route-ar');
      await h.screenshot(phone, 'public-route-ar');
    } finally {
      await phoneContext.close();
    }
  });

  await test('the poster of the route finder: the areas and the counsellor, printable', async () => {
    const { phone, phoneContext } = await anonymousPhone();
    try {
      await phone.goto(`${BASE_URL}${FINDER}/poster`);
      await settle(phone);
      assert((await heading(phone, 'Zit je ergens mee?')) === 'Zit je ergens mee?', `heading is "${await heading(phone)}"`);
      await phone.locator('.poster-counsellor').getByText('Vera Vertrouwen').waitFor({ timeout: TIMEOUT });
      assert((await phone.locator('.poster-areas li').count()) === 6, 'not six areas on the poster');
      // a QR code to this school's route finder, drawn in the page
      const qr = phone.getByTestId('poster-qr');
      assert((await qr.getAttribute('data-url')) === `${BASE_URL}${FINDER}`, `the QR code points at ${await qr.getAttribute('data-url')}`);
      assert(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is not drawn');
      await noOverflow(phone, 'the poster');
      await checkA11y(phone, 'public-poster');
      await phone.emulateMedia({ media: 'print' });
      assert(!(await phone.getByRole('button', { name: 'Afdrukken' }).isVisible()), 'the print button shows in print');
      assert(!(await phone.locator('.public-header').isVisible()), 'the header shows in print');
      await h.screenshot(phone, 'public-poster-print');
    } finally {
      await phoneContext.close();
    }
  });

  await test(`${SCHOOL_ADMIN} makes an own version of the parents' bullying route`, async () => {
    await login(page, SCHOOL_ADMIN);
    await openMenuIfCollapsed(page);
    await goMenu(page, 'Klachtenroutes');
    await page.waitForURL(/\/complaint-routes/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page)).startsWith('Klachtenroutes'), `heading is "${await heading(page)}"`);
    await page.getByLabel('Onderwerp').selectOption('undesirable-behaviour');
    await page.getByLabel('Wie meldt').selectOption('parent');
    await andWaitForApi(page, /\/complaint-routes\?/, () => page.getByRole('button', { name: 'Tonen' }).click());
    assert((await page.getByText('Deze school volgt de standaardroute.').count()) === 1, 'the school does not follow the default');
    await page.getByTestId('route-preview').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'route-editor-default');
    await andWaitForApi(page, /\/complaint-routes\/\d+$/, () => page.getByRole('button', { name: 'Eigen versie maken' }).click());
    await page.getByRole('status').filter({ hasText: 'De eigen versie is gemaakt' }).waitFor({ timeout: TIMEOUT });
    assert((await page.getByTestId('step').count()) === 6, `expected 6 steps, saw ${await page.getByTestId('step').count()}`);
    await checkA11y(page, 'route-editor-own');
  });

  await test('the statutory step cannot be removed; a step is reworded and moved with the keyboard, saved and published', async () => {
    const bullying = page.getByRole('group', { name: /^Stap 2/ });
    assert(/Wet veiligheid op school/.test(await bullying.innerText()), 'the lock does not show the rule');
    // The button is marked disabled (aria-disabled) but stays reachable, to explain why.
    await bullying.getByRole('button', { name: 'Stap 2 verwijderen' }).focus();
    await page.keyboard.press('Enter');
    const refused = bullying.getByRole('alert');
    await refused.waitFor({ timeout: TIMEOUT });
    assert(/kan niet weg/.test(await refused.innerText()), `refusal: ${await refused.innerText()}`);
    assert((await page.getByTestId('step').count()) === 6, 'the statutory step was removed');
    await checkA11y(page, 'route-editor-statutory-refused');

    const first = page.getByRole('group', { name: /^Stap 1/ });
    await first.getByLabel(/^Tekst \(Nederlands\)/).fill(REWORDED);
    await first.getByRole('button', { name: 'Stap 1 omlaag' }).focus();
    await page.keyboard.press('Enter');
    const moved = page.getByRole('group', { name: /^Stap 2/ });
    assert((await moved.getByLabel(/^Tekst \(Nederlands\)/).inputValue()) === REWORDED, 'the step did not move down');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert(focused === 'Stap 2 omlaag', `focus after moving is on "${focused}"`);
    assert((await page.getByRole('button', { name: 'Publiceren' }).isDisabled()), 'publishing is possible with unsaved changes');

    await andWaitForApi(page, /\/complaint-routes\/\d+$/, () => page.getByRole('button', { name: 'Stappen opslaan' }).click());
    await page.getByRole('status').filter({ hasText: 'De stappen zijn opgeslagen.' }).waitFor({ timeout: TIMEOUT });
    assert(
      (await page.getByRole('group', { name: /^Stap 2/ }).getByLabel(/^Tekst \(Nederlands\)/).inputValue()) === REWORDED,
      'the saved route lost the change',
    );
    await page.getByTestId('route-preview').getByText(REWORDED).waitFor({ timeout: TIMEOUT });
    await andWaitForApi(page, /\/complaint-routes\/\d+$/, () => page.getByRole('button', { name: 'Publiceren' }).click());
    await page.getByRole('status').filter({ hasText: 'De route is gepubliceerd.' }).waitFor({ timeout: TIMEOUT });
    assert(/Gepubliceerd/.test(await page.locator('.route-status').innerText()), 'not shown as published');
    await checkA11y(page, 'route-editor-published');
  });

  await test('the published version is on the public route finder', async () => {
    const { phone, phoneContext } = await anonymousPhone();
    try {
      await phone.goto(`${BASE_URL}${FINDER}`);
      await settle(phone);
      const steps = await parentAboutBullying(phone);
      const lines = steps.split('\n');
      const at = lines.findIndex((l) => l.includes(REWORDED));
      const second = lines.findIndex((l) => /Stap 2/.test(l));
      const third = lines.findIndex((l) => /Stap 3/.test(l));
      assert(at > second && at < third, `the reworded step is not the second: ${steps.slice(0, 500)}`);
    } finally {
      await phoneContext.close();
    }
  });

  await test('the route editor on a 375px phone, and back to the default route', async () => {
    const phone = await context.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      await phone.goto(`${page.url()}`);
      await settle(phone);
      await noOverflow(phone, 'the route editor');
      await checkA11y(phone, 'route-editor-phone');
    } finally {
      await phone.close();
    }
    await page.getByRole('button', { name: 'Terug naar de standaardroute' }).click();
    await page.getByRole('group').filter({ hasText: 'De eigen versie van deze school verdwijnt' }).waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'route-editor-confirm-default');
    await andWaitForApi(page, /\/complaint-routes\/\d+$/, () => page.getByRole('button', { name: 'Ja, terug naar de standaard' }).click());
    await page.getByText('Deze school volgt de standaardroute.').waitFor({ timeout: TIMEOUT });
  });

  await test(`${SCHOOL_ADMIN} does not see the case register, but sees the annual report`, async () => {
    const navText = await menuText(page);
    assert(navText.includes('Vertrouwenswerk'), `navigation: ${navText}`);
    await page.goto(`${BASE_URL}/confidential-cases`);
    await settle(page);
    assert((await page.getByTestId('not-found').count()) === 1, 'the school leader sees the register');
    await page.goto(`${BASE_URL}/confidential-cases/report`);
    await settle(page);
    const tabs = await page.getByRole('navigation', { name: /Onderdelen van klachtenroutes/ }).innerText();
    assert(!tabs.includes('Registratie') && tabs.includes('Jaarverslag'), `tabs: ${tabs}`);
    await page.getByTestId('report-table').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'report-school-admin');
    const api = await page.request.get(`${BASE_URL}/api/v1/confidential-cases?pageSize=5`);
    assert(api.status() === 404, `the register API answers ${api.status()} to the school leader`);
    await logout(page);
  });

  await test(`${COUNSELLOR} records a case: a closing date before the opening date is refused, then saved`, async () => {
    await login(page, COUNSELLOR);
    await openMenuIfCollapsed(page);
    await goMenu(page, 'Vertrouwenswerk');
    await page.waitForURL(/\/confidential-cases$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, 'Registratie vertrouwenswerk')) === 'Registratie vertrouwenswerk', `heading is "${await heading(page)}"`);
    const before = Number((await page.locator('.result-count').innerText()).match(/\d+/)?.[0] ?? 0);
    assert(before >= 9, `the counsellor sees ${before} cases`);
    await checkA11y(page, 'cases-list');
    await page.getByRole('link', { name: 'Nieuwe registratie' }).click();
    await page.waitForURL(/\/confidential-cases\/new$/);
    await settle(page);
    await page.getByLabel(/^Onderwerp/).selectOption('undesirable-behaviour');
    await page.getByLabel(/^Melder/).selectOption('parent');
    await page.getByLabel(/^Status/).selectOption('closed');
    await page.getByLabel(/^Geopend op/).fill(daysBefore(TODAY, 10));
    await page.getByLabel(/^Gesloten op/).fill(daysBefore(TODAY, 20));
    await page.getByLabel(/^Uitkomst/).selectOption('resolved');
    await checkA11y(page, 'case-create');
    await andWaitForApi(page, /\/confidential-cases$/, () => page.getByRole('button', { name: 'Opslaan' }).click());
    const closed = page.getByLabel(/^Gesloten op/);
    await page.waitForFunction(() => document.querySelector('input[name="closedOn"]')?.getAttribute('aria-invalid') === 'true', null, {
      timeout: TIMEOUT,
    });
    const describedBy = ((await closed.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    const message = await page.locator(`[id="${describedBy}"]`).innerText();
    assert(/ligt voor de openingsdatum/.test(message), `closing date error: ${message}`);
    await checkA11y(page, 'case-create-invalid');
    await closed.fill(daysBefore(TODAY, 5));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/confidential-cases$/, { timeout: TIMEOUT });
    await settle(page);
    await page.getByRole('status').filter({ hasText: 'De registratie is opgeslagen.' }).waitFor({ timeout: TIMEOUT });
    // The list may show its cached page first and then the page read again: wait for the new count.
    await page
      .waitForFunction((n) => Number(document.querySelector('.result-count')?.textContent?.match(/\d+/)?.[0] ?? 0) === n, before + 1, {
        timeout: TIMEOUT,
      })
      .catch(() => {});
    const after = Number((await page.locator('.result-count').innerText()).match(/\d+/)?.[0] ?? 0);
    assert(after === before + 1, `cases before ${before}, after ${after}`);
    const deleteAfter = await page.locator('table tbody tr').filter({ hasText: 'Opgelost' }).first().locator('td').last().innerText();
    assert(/\d{4}/.test(deleteAfter), `no deletion date on a closed case: ${deleteAfter}`);
  });

  await test('the counsellor opens a case, sees when it will be deleted, and the exact annual report', async () => {
    await page.locator('table tbody tr').filter({ hasText: 'Gesloten' }).first().getByRole('link').click();
    await page.waitForURL(/\/confidential-cases\/\d+$/);
    await settle(page);
    assert(/automatisch verwijderd op/.test(await page.locator('main').innerText()), 'no deletion date on the case');
    await checkA11y(page, 'case-edit');
    await page.goto(`${BASE_URL}/confidential-cases/report`);
    await settle(page);
    const table = await page.getByTestId('report-table').innerText();
    assert(!table.includes('<5'), 'the counsellor sees suppressed numbers');
    assert(/Totaal: \d+ registraties/.test(await page.locator('main').innerText()), 'no total for the counsellor');
    await page.getByTestId('report-chart').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'report-counsellor');
    await logout(page);
  });

  await test(`${BOARD_ADMIN} sees the annual report with "<5", a CSV download, and edits the complaints procedure`, async () => {
    await login(page, BOARD_ADMIN);
    await page.goto(`${BASE_URL}/confidential-cases/report`);
    await settle(page);
    const table = await page.getByTestId('report-table').innerText();
    assert(table.includes('<5'), `no "<5" in the board's report: ${table}`);
    assert(!/Totaal:/.test(await page.locator('main').innerText()), 'the board admin sees a total');
    const href = await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href');
    const csv = await page.request.get(`${BASE_URL}${href}`);
    assert(csv.status() === 200 && /text\/csv/.test(csv.headers()['content-type'] ?? ''), `CSV: ${csv.status()}`);
    assert((await csv.text()).includes('<5'), 'the CSV does not suppress small numbers');
    await checkA11y(page, 'report-board-admin');
    await page.emulateMedia({ media: 'print' });
    try {
      assert(!(await page.locator('.app-header').isVisible()), 'the header shows in print');
      await h.screenshot(page, 'report-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }

    await page.goto(`${BASE_URL}/boards`);
    await settle(page);
    await page.getByRole('link', { name: 'Stichting Spil Demo' }).first().click();
    await page.waitForURL(/\/boards\/\d+$/);
    await settle(page);
    const section = page.locator('section.complaint-settings');
    assert(/Landelijke Klachtencommissie/.test(await section.innerText()), `settings: ${await section.innerText()}`);
    await section.getByRole('button', { name: 'Klachtenregeling bewerken' }).click();
    await section.getByLabel('Toelichting').fill('Klachten eerst bij de directie (e2e).');
    await andWaitForApi(page, /\/complaint-settings$/, () => section.getByRole('button', { name: 'Opslaan' }).click());
    await section.getByRole('status').filter({ hasText: 'De klachtenregeling is opgeslagen.' }).waitFor({ timeout: TIMEOUT });
    assert((await section.innerText()).includes('(e2e)'), 'the notes are not shown');
    await checkA11y(page, 'board-complaint-settings');

    await page.goto(`${BASE_URL}/external-bodies`);
    await settle(page);
    assert((await page.locator('.body-item').filter({ hasText: 'Veilig Thuis' }).count()) >= 1, 'Veilig Thuis is not listed');
    assert((await page.getByRole('button', { name: /bewerken$/ }).count()) === 0, 'a board admin can edit the external bodies');
    await checkA11y(page, 'external-bodies');
    await logout(page);
  });
}
