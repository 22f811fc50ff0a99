// Browser tests of the regional programmes: the lead board's administrator opens "RAP
// Zuid-Kennemerland" (four lines, the running side-entry track, the ended substitution pool with
// its reason, the shared youth-care covenant without a contact at Stichting Derde Demo) and the
// side-entry track's totals; the member board's administrator reads the programme, takes back and
// re-enters its own figure of this school year (the total drops and rises again) and names Noor de
// Wit as its contact; the administrator of Stichting Tweede Demo, no member, finds no programme and
// gets "not found" at its address. axe on every page. Idempotent: what it changes, it puts back.
// Called by run.mjs, after inclusion.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const MEMBER_ADMIN = 'bestuur@derde.spil.nl';
const OTHER_BOARD_ADMIN = 'bestuur@tweede.spil.nl';
const PROGRAMME = 'RAP Zuid-Kennemerland';
const MEMBER = 'Stichting Derde Demo';
const SIDE_ENTRY = 'Zij-instroomtraject';
const POOL = 'Gezamenlijke vervangingspool (RTC de Beurs)';
const COURSE = 'Tweejarige AD PEP-opleiding in de regio';
const COVENANT = 'Jeugd- en gezinsteams Zuid-Kennemerland';

/** The school year ("2025-2026") of a day, from 1 August. */
function schoolYear(day, back = 0) {
  const [y, m] = day.split('-').map(Number);
  const first = (m >= 8 ? y : y - 1) - back;
  return `${first}-${first + 1}`;
}

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TODAY, TIMEOUT, test,
 *   assert, settle, andWaitForApi, checkA11y, screenshot, heading, login, logout, openMenuIfCollapsed
 */
export async function programmeTests(h) {
  const { page, TIMEOUT, test, assert, settle, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const state = { programmeUrl: null };
  const thisYear = schoolYear(h.TODAY);
  const lastYear = schoolYear(h.TODAY, 1);
  const card = (name) => page.getByTestId('initiative-card').filter({ hasText: name });
  const totalCell = (period) => page.getByTestId('totals-table').locator(`tbody tr[data-indicator="side-entrants-started"][data-period="${period}"] td`).nth(2);

  async function openList() {
    await openMenuIfCollapsed(page);
    await goMenu(page, "Regionale programma's", { exact: true });
    await page.waitForURL(/\/programmas$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, "Regionale programma's")) === "Regionale programma's", `heading is "${await heading(page)}"`);
  }

  async function openProgramme() {
    await openList();
    await page.getByTestId('programmes-table').getByRole('link', { name: PROGRAMME }).click();
    await page.waitForURL(/\/programmas\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    await page.getByTestId('lines-board').waitFor({ timeout: TIMEOUT });
    assert((await heading(page, PROGRAMME)) === PROGRAMME, `heading is "${await heading(page)}"`);
    return page.url();
  }

  async function openSideEntry() {
    await card(SIDE_ENTRY).getByRole('link', { name: SIDE_ENTRY }).click();
    await page.waitForURL(/\/programmas\/\d+\/initiatieven\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    await page.getByTestId('totals-table').waitFor({ timeout: TIMEOUT });
    assert((await heading(page, SIDE_ENTRY)) === SIDE_ENTRY, `heading is "${await heading(page)}"`);
  }

  async function totalIs(period, expected) {
    await page
      .waitForFunction(
        ({ p, e }) =>
          (document.querySelector(`[data-testid="totals-table"] tbody tr[data-indicator="side-entrants-started"][data-period="${p}"] td:nth-child(3)`)?.textContent ?? '').trim() === e,
        { p: period, e: expected },
        { timeout: TIMEOUT },
      )
      .catch(async () => assert(false, `the total of ${period} is not ${expected}: ${await text(page.getByTestId('totals-table'))}`));
  }

  await test(`${BOARD_ADMIN} opens ${PROGRAMME}: four lines, the initiatives with their status, the ended pool's reason, the shared covenant`, async () => {
    await login(page, BOARD_ADMIN);
    state.programmeUrl = await openProgramme();
    const header = await text(page.getByTestId('programme-header'));
    for (const part of ['RAP (regionaal aanpakplan)', 'Onderwijsregio Zuid-Kennemerland', 'Stichting Spil Demo']) {
      assert(header.includes(part), `the header lacks "${part}": ${header}`);
    }
    const lines = await page.getByTestId('lines-board').locator('.line-column').count();
    assert(lines >= 4, `${lines} lines on the board`);
    const side = await text(card(SIDE_ENTRY));
    assert(side.includes('Loopt') && side.includes('Dit initiatief loopt.') && side.includes(MEMBER), `side-entry card: ${side}`);
    const pool = await text(card(POOL));
    assert(pool.includes('Beëindigd'), `pool card: ${pool}`);
    const reason = await text(card(POOL).getByTestId('ended-reason'));
    assert(reason.startsWith('Reden van beëindigen:') && reason.includes('personeelstekort'), `pool's reason: ${reason}`);
    assert((await text(card(COURSE))).includes('In voorbereiding'), `course card: ${await text(card(COURSE))}`);
    const members = await text(page.getByTestId('members-table'));
    assert(members.includes('Penvoerder') && members.includes(MEMBER), `members: ${members}`);
    assert((await page.getByRole('button', { name: `Vertrekt op: ${MEMBER}` }).count()) === 1, 'no "leaves on" for the member board');
    const covenant = page.getByTestId('shared-partnerships').locator('li').filter({ hasText: COVENANT });
    const covenantText = await text(covenant);
    assert(covenantText.includes('Chris Coördinator'), `covenant: ${covenantText}`);
    assert((await text(covenant.getByTestId('no-contact-warning'))).includes(`Nog geen contactpersoon bij ${MEMBER}`), `covenant: ${covenantText}`);
    await checkA11y(page, 'programme');
  });

  await test(`${BOARD_ADMIN} opens the side-entry track and sees its totals (4 last school year, 3 this one)`, async () => {
    await openSideEntry();
    assert((await text(page.getByTestId('initiative-status'))).includes('Dit initiatief loopt.'), 'no status in words');
    await totalIs(lastYear, '4');
    await totalIs(thisYear, '3');
    assert((await page.getByTestId('results-chart').getByRole('img').count()) === 1, 'no chart of the results');
    await checkA11y(page, 'programme-initiative');
    await logout(page);
  });

  await test(`${MEMBER_ADMIN} reads the programme and takes back and re-enters its own figure: the total changes`, async () => {
    await login(page, MEMBER_ADMIN);
    await openProgramme();
    assert((await page.getByTestId('line-form').count()) === 0, 'a member board may add lines');
    assert((await page.getByRole('button', { name: /^Vertrekt op/ }).count()) === 0, 'a member board may record leaving');
    await checkA11y(page, 'programme-member');
    await openSideEntry();
    const own = page.getByTestId('results-table').locator(`tbody tr[data-period="${thisYear}"]`).filter({ hasText: MEMBER });
    if ((await own.count()) > 0) {
      await own.getByRole('button', { name: /^Verwijderen:/ }).click();
      await own.getByRole('group').getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page.getByRole('status').filter({ hasText: 'Het resultaat is verwijderd.' }).first().waitFor({ timeout: TIMEOUT });
      await totalIs(thisYear, '2');
    }
    const form = page.getByTestId('result-form');
    assert((await form.getByLabel(/^Bestuur/).inputValue()) !== '', 'the board is not chosen');
    await form.getByLabel(/^Indicator/).selectOption('side-entrants-started');
    await form.getByLabel(/^Periode/).selectOption(thisYear);
    await form.getByLabel(/^Waarde/).fill('1');
    await checkA11y(page, 'programme-result-form');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/results$/.test(r.url()) && r.status() === 201, { timeout: TIMEOUT }),
      form.getByRole('button', { name: 'Resultaat toevoegen' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'Het resultaat is toegevoegd.' }).first().waitFor({ timeout: TIMEOUT });
    await totalIs(thisYear, '3');
    await totalIs(lastYear, '4');
  });

  await test(`${MEMBER_ADMIN} names Noor de Wit as its contact for the side-entry track`, async () => {
    const select = page.getByLabel(`Contactpersoon van ${MEMBER}`);
    const form = page.locator('form').filter({ has: select });
    const participant = page.getByTestId('participants').locator('li').filter({ hasText: MEMBER });
    // First none (the demo names her already), then her: the change shows each time.
    await select.selectOption('');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/participants\/\d+$/.test(r.url()) && r.ok(), { timeout: TIMEOUT }),
      form.getByRole('button', { name: 'Contactpersoon opslaan' }).click(),
    ]);
    await participant.getByText('Nog geen contactpersoon').waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"], .loading').length === 0, null, { timeout: TIMEOUT });
    await select.selectOption({ label: 'Noor de Wit' });
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/participants\/\d+$/.test(r.url()) && r.ok(), { timeout: TIMEOUT }),
      form.getByRole('button', { name: 'Contactpersoon opslaan' }).click(),
    ]);
    await participant.getByTestId('contact').filter({ hasText: 'Noor de Wit' }).waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'programme-contact');
    await logout(page);
  });

  await test(`${OTHER_BOARD_ADMIN} (no member) finds no programme, and "not found" at the programme's address`, async () => {
    await login(page, OTHER_BOARD_ADMIN);
    await openList();
    await page.getByTestId('programmes-none').waitFor({ timeout: TIMEOUT });
    assert((await page.getByTestId('programmes-table').count()) === 0, 'the list shows programmes');
    await checkA11y(page, 'programmes-none');
    assert(state.programmeUrl, 'no programme opened');
    await page.goto(state.programmeUrl);
    await page.getByTestId('not-found').waitFor({ timeout: TIMEOUT });
    await settle(page);
    assert(!(await page.locator('main').innerText()).includes(PROGRAMME), 'the programme shows');
    await logout(page);
  });
}
