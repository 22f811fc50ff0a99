// Browser tests of inclusive employment (the job agreement): the board administrator of Stichting
// Spil Demo opens the track (execution, two placements with the employee's name and the mentors,
// an overdue action), follows a gap to the action plan, adds an action and ticks it off, prints the
// plan, moves the track to evaluation and fills in the evaluation; the administrator of Stichting
// Tweede Demo adds a bottleneck and the staff hours and walks the track from intake to evaluation;
// the coordinator reads "Plaatsing 1 bij OBS De Spil" without the name, the mentor (Karin Bos) reads
// the name; the region contact sees both boards on the region's dashboard without any person's name
// and keeps the employer service point (with a stale save explained and reloaded). axe on every page.
// Called by run.mjs, after the areas.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const OTHER_BOARD_ADMIN = 'bestuur@tweede.spil.nl';
const COORDINATOR = 'coordinator@demo.spil.nl';
const MENTOR = 'contactpunt@demo.spil.nl';
const REGION = 'regio@demo.spil.nl';
const BOARD = 'Stichting Spil Demo';
const OTHER_BOARD = 'Stichting Tweede Demo';
const EMPLOYEE = 'Jeroen Smit';
// People of the demo: none of them may appear on the region's dashboard.
const PEOPLE = [EMPLOYEE, 'Karin Bos', 'Sanne de Vries', 'Chris Coördinator', 'Fatima', 'Bram Bestuur', 'Lars Lezer', 'Tim Tweede'];

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TODAY, TIMEOUT, test,
 *   assert, settle, andWaitForApi, checkA11y, screenshot, heading, login, logout, openMenuIfCollapsed
 */
export async function inclusionTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const stamp = String(Date.now()).slice(-6);
  const state = { trackUrl: null, otherTrackUrl: null, dashboardUrl: null };
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const currentStep = () => page.getByTestId('phase-stepper').locator('li[aria-current="step"]');
  const placementRow = (n) => page.getByTestId('placements-table').locator(`tbody tr[data-placement="${n}"]`);
  const actionRow = (title) => page.getByTestId('actions-table').locator('tbody tr').filter({ hasText: title });

  /** From the menu to the track page (straight there: the user's boards have one track). */
  async function openTrack(board) {
    await openMenuIfCollapsed(page);
    await goMenu(page, 'Inclusief werkgeverschap', { exact: true });
    await page.waitForURL(/\/inclusie\/\d+$/, { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: `Inclusief werkgeverschap bij ${board}` }).waitFor({ timeout: TIMEOUT });
    await settle(page);
    await page.getByTestId('placements-summary').or(page.getByText('Nog geen plaatsingen.')).first().waitFor({ timeout: TIMEOUT });
    return page.url();
  }

  /** Waits for a polite "done" message. */
  async function status(textPart) {
    await page.getByRole('status').filter({ hasText: textPart }).first().waitFor({ timeout: TIMEOUT });
  }

  async function stepIs(name) {
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="phase-stepper"] li[aria-current="step"]')?.textContent ?? '').includes(n),
      name,
      { timeout: TIMEOUT },
    );
    const steps = await page.getByTestId('phase-stepper').locator('li[aria-current="step"]').count();
    assert(steps === 1, `${steps} steps carry aria-current`);
  }

  /** Moves the phase one step with the board administrator's button (and an optional note). */
  async function movePhase(button, expected, note) {
    if (note) await page.getByLabel(/^Toelichting bij de wijziging/).fill(note);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/api\/v1\/inclusion-tracks\/\d+$/.test(r.url()) && r.ok(), { timeout: TIMEOUT }),
      page.getByRole('button', { name: button }).click(),
    ]);
    await status(`Het traject staat nu in de fase ${expected.toLowerCase()}`);
    await stepIs(expected);
    await settle(page);
  }

  await test(`${BOARD_ADMIN} opens the track of ${BOARD}: execution, two placements with names and mentors, an overdue action`, async () => {
    await login(page, BOARD_ADMIN);
    state.trackUrl = await openTrack(BOARD);
    assert((await text(currentStep())).includes('Uitvoering'), `current step: ${await text(currentStep())}`);
    const steps = await page.getByTestId('phase-stepper').locator('li').allInnerTexts();
    assert(steps.length === 5 && steps[0].includes('Intake') && steps[0].includes('afgerond'), `steps: ${JSON.stringify(steps)}`);
    assert((await text(page.getByTestId('phase-current'))).includes('voert het actieplan uit'), 'the current phase is not explained');

    const first = await text(placementRow(1));
    for (const part of [EMPLOYEE, 'Plaatsing 1 bij OBS De Spil', 'Conciërge-assistent', '20', 'In eigen dienst', 'Ja', 'register gecontroleerd op', 'Karin Bos', '2 uur per week']) {
      assert(first.includes(part), `placement 1 lacks "${part}": ${first}`);
    }
    const second = await text(placementRow(2));
    for (const part of ['Plaatsing 2 bij Basisschool De Regenboog', 'Onderwijsassistent', '12,75', '0,5', 'Nee', 'register nog niet gecontroleerd', 'Sanne de Vries', 'zonder uren']) {
      assert(second.includes(part), `placement 2 lacks "${part}": ${second}`);
    }
    const overdue = await text(actionRow('Werkplekbegeleiders trainen'));
    assert(overdue.includes('Te laat'), `the overdue action: ${overdue}`);
    assert((await text(page.getByTestId('actions-overdue'))).includes('1 actie is over de datum'), 'no overdue notice');

    const quota = await text(page.getByTestId('quota-sentences'));
    assert(
      quota.includes('Ter informatie: bij 182.000 betaalde uren in 2024 en een quotum van 2,76% zou het quotum 3,77 banen vragen.'),
      `quota view: ${quota}`,
    );
    assert(quota.includes('Over 2024 is geen heffing opgelegd.') && quota.includes('quotum voor 2025 is nog niet bekend'), `quota view: ${quota}`);
    const progress = page.getByTestId('progress-table').locator('tbody tr');
    assert((await progress.count()) >= 6, `${await progress.count()} months in the progress table`);
    assert((await page.getByTestId('progress-chart').getByRole('img').count()) === 1, 'no chart of the progress');
    const point = await text(page.getByTestId('service-point'));
    assert(point.includes('Team Onderwijs') && point.includes('023 555 0600'), `service point: ${point}`);
    assert((await text(page.getByTestId('first-contact'))).startsWith('Het bestuur had op'), 'no date of first contact');
    await checkA11y(page, 'inclusion-track');
  });

  await test('the track page on a 375px phone: nothing wider than the screen, no axe violations', async () => {
    const phone = await h.context.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      await phone.goto(state.trackUrl);
      await settle(phone);
      await phone.getByTestId('placements-table').waitFor({ timeout: TIMEOUT });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `the track page is ${overflow}px wider than the phone`);
      await checkA11y(phone, 'inclusion-track-phone');
    } finally {
      await phone.close();
    }
  });

  await test('the gaps name the overdue action and the mentor without hours, and lead to the track', async () => {
    await page.goto(`${BASE_URL}/gaps`);
    await settle(page);
    const mentor = page.locator('.gap-item[data-kind="mentor-without-hours"]');
    await mentor.first().waitFor({ timeout: TIMEOUT });
    const mentorText = await text(mentor.first());
    assert(
      mentorText.includes('Werkplekbegeleider zonder uren') && mentorText.includes('plaatsing 2 bij Basisschool De Regenboog (Onderwijsassistent)'),
      `mentor gap: ${mentorText}`,
    );
    assert(!mentorText.includes('Placement'), `English in the gap: ${mentorText}`);
    const action = page.locator('.gap-item[data-kind="inclusion-action-overdue"]').filter({ hasText: 'Werkplekbegeleiders trainen' });
    assert((await action.count()) === 1, 'no gap for the overdue action');
    await action.getByRole('link', { name: 'Naar het actieplan' }).click();
    await page.waitForURL((url) => url.pathname === new URL(state.trackUrl).pathname && url.hash === '#actieplan', { timeout: TIMEOUT });
    await settle(page);
  });

  await test('the board administrator adds an action to the plan, ticks it off and removes it again', async () => {
    const title = `Functies schoonmaak verkennen ${stamp}`;
    const form = page.getByTestId('action-form');
    await form.getByLabel(/^Wat moet er gebeuren/).fill(title);
    await form.getByLabel('Thema').selectOption('new-jobs');
    await form.getByLabel(/^Klaar op/).fill(h.TODAY);
    const who = form.getByLabel(/^Wie/);
    const option = await who.locator('option[value^="person:"]').first().getAttribute('value');
    if (option) await who.selectOption(option);
    await checkA11y(page, 'inclusion-action-form');
    await form.getByRole('button', { name: 'Actie toevoegen' }).click();
    await status(`De actie ‘${title}’ is toegevoegd.`);
    const row = actionRow(title);
    await row.waitFor({ timeout: TIMEOUT });
    assert((await text(row)).includes('Open'), `new action: ${await text(row)}`);
    await row.getByRole('button', { name: `Afvinken: ${title}` }).click();
    await status(`De actie ‘${title}’ is afgevinkt.`);
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('[data-testid="actions-table"] tbody tr')].some((r) => r.textContent.includes(t) && r.textContent.includes('afgevinkt op')),
      title,
      { timeout: TIMEOUT },
    );
    assert((await text(actionRow(title))).includes('Klaar'), `ticked off: ${await text(actionRow(title))}`);
    await checkA11y(page, 'inclusion-action-done');
    await actionRow(title).getByRole('button', { name: `Verwijderen: ${title}` }).click();
    await actionRow(title).getByRole('group').getByRole('button', { name: 'Ja, verwijderen' }).click();
    await status('De actie is verwijderd.');
    await page.waitForFunction(
      (t) => ![...document.querySelectorAll('[data-testid="actions-table"] tbody tr')].some((r) => r.textContent.includes(t)),
      title,
      { timeout: TIMEOUT },
    );
  });

  await test('"Print het actieplan" prints the plan without the placements, forms and buttons', async () => {
    await page.evaluate(() => {
      window.__printedPlan = null;
      window.print = () => {
        window.__printedPlan = document.body.classList.contains('print-plan');
      };
    });
    await page.getByRole('button', { name: 'Print het actieplan' }).click();
    assert((await page.evaluate(() => window.__printedPlan)) === true, 'the page was not printed as the action plan');
    await page.evaluate(() => document.body.classList.add('print-plan'));
    await page.emulateMedia({ media: 'print' });
    try {
      assert(await page.locator('#actieplan').isVisible(), 'the action plan is not printed');
      assert(await page.locator('#werkgeversservicepunt').isVisible(), 'the employer service point is not printed');
      assert(!(await page.locator('#plaatsingen').isVisible()), 'the placements (with a name) are printed with the plan');
      assert(!(await page.getByTestId('action-form').isVisible()), 'the form is printed');
      assert(!(await page.getByRole('button', { name: 'Print het actieplan' }).isVisible()), 'buttons are printed');
      assert((await text(page.locator('.print-plan-header'))).startsWith('Actieplan inclusief werkgeverschap'), 'no title on the print');
      await h.screenshot(page, 'inclusion-action-plan-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => document.body.classList.remove('print-plan'));
    }
  });

  await test('the board administrator moves the track to evaluation, fills in the evaluation, and back to execution', async () => {
    await page.goto(state.trackUrl);
    await settle(page);
    await stepIs('Uitvoering');
    await movePhase('Naar de volgende fase: Evaluatie', 'Evaluatie', `Eerste jaar afgerond (e2e ${stamp})`);
    const history = await text(page.getByTestId('phase-history').locator('tbody tr').last());
    assert(history.includes('Van Uitvoering naar Evaluatie') && history.includes(`e2e ${stamp}`), `history: ${history}`);
    const worked = `De conciërge-assistent hoort er helemaal bij (e2e ${stamp}).`;
    await page.getByLabel('Wat werkte', { exact: true }).fill(worked);
    await page.getByLabel('Wat werkte niet', { exact: true }).fill('Te weinig uren voor de werkplekbegeleider.');
    await page.getByLabel('Wat andere besturen kunnen leren', { exact: true }).fill('Regel de uren van de begeleider vooraf.');
    await page.getByLabel('Deel de evaluatie met andere besturen').check();
    await checkA11y(page, 'inclusion-evaluation');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/inclusion-tracks\/\d+$/.test(r.url()) && r.ok(), { timeout: TIMEOUT }),
      page.getByRole('button', { name: 'Evaluatie opslaan' }).click(),
    ]);
    await status('De evaluatie is opgeslagen.');
    await page.reload();
    await settle(page);
    await stepIs('Evaluatie');
    assert((await page.getByLabel('Wat werkte', { exact: true }).inputValue()) === worked, 'the evaluation was not saved');
    assert(await page.getByLabel('Deel de evaluatie met andere besturen').isChecked(), 'sharing was not saved');
    // Back, so that the region's view below (and a second run) find the demo's phase.
    await movePhase('Terug naar Uitvoering', 'Uitvoering');
    await logout(page);
  });

  await test(`${OTHER_BOARD_ADMIN} adds a bottleneck and the staff hours, and walks the track from intake to evaluation`, async () => {
    await login(page, OTHER_BOARD_ADMIN);
    state.otherTrackUrl = await openTrack(OTHER_BOARD);
    // A second run finds the track further on: back to the intake first.
    for (const back of ['Terug naar Evaluatie', 'Terug naar Uitvoering', 'Terug naar Actieplan', 'Terug naar Intake']) {
      const button = page.getByRole('button', { name: back });
      if ((await button.count()) > 0) await movePhase(back, back.replace('Terug naar ', ''));
    }
    await stepIs('Intake');
    assert((await text(page.getByTestId('phase-current'))).includes('wat het bestuur wil bereiken'), 'the intake is not explained');
    const bottlenecks = await text(page.getByTestId('bottlenecks'));
    assert(bottlenecks.includes('Kandidaten vinden') && bottlenecks.includes('Draagvlak in het team'), `bottlenecks: ${bottlenecks}`);
    await checkA11y(page, 'inclusion-intake');

    // A bottleneck of its own: a name is required for "Anders".
    const own = `Roosters ${stamp}`;
    const add = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Knelpunt toevoegen' }) });
    await add.getByLabel(/^Knelpunt/).selectOption('other');
    await add.getByRole('button', { name: 'Knelpunt toevoegen' }).click();
    await add.locator('[aria-invalid="true"]').first().waitFor({ timeout: TIMEOUT });
    await add.getByLabel(/^Naam van het knelpunt/).fill(own);
    await add.getByLabel('Toelichting').fill('Vaste dagen voor de begeleiding.');
    await add.getByRole('button', { name: 'Knelpunt toevoegen' }).click();
    await status('Het knelpunt is toegevoegd.');
    const item = page.getByTestId('bottlenecks').locator('li').filter({ hasText: own });
    await item.waitFor({ timeout: TIMEOUT });
    await item.getByRole('button', { name: `Markeer als opgelost: ${own}` }).click();
    await status(`Het knelpunt ‘${own}’ is opgelost.`);
    await item.getByText('Opgelost').waitFor({ timeout: TIMEOUT });
    await item.getByRole('button', { name: `Verwijderen: ${own}` }).click();
    await item.getByRole('group').getByRole('button', { name: 'Ja, verwijderen' }).click();
    await status('Het knelpunt is verwijderd.');

    // The staff hours of 2024, and the quota view as information.
    await page.getByRole('button', { name: 'Betaalde uren bijwerken' }).click();
    const years = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Betaalde uren per jaar' }) });
    if ((await years.getByLabel('Jaar', { exact: true }).count()) === 0) await years.getByRole('button', { name: 'Jaar toevoegen' }).click();
    await years.getByLabel('Jaar', { exact: true }).first().fill('2024');
    await years.getByLabel(/^Betaalde uren in/).first().fill('40000');
    await checkA11y(page, 'inclusion-staff-hours');
    await years.getByRole('button', { name: 'Opslaan' }).click();
    await status('De betaalde uren zijn opgeslagen.');
    const quota = await text(page.getByTestId('quota-sentences'));
    assert(quota.includes('Ter informatie: bij 40.000 betaalde uren in 2024 en een quotum van 2,76% zou het quotum 0,83 banen vragen.'), `quota: ${quota}`);

    await movePhase('Naar de volgende fase: Actieplan', 'Actieplan', 'Intakegesprek gevoerd met het werkgeversservicepunt.');
    assert((await text(page.getByTestId('phase-current'))).includes('Maak een actieplan'), 'the action plan phase is not explained');
    await movePhase('Naar de volgende fase: Uitvoering', 'Uitvoering');
    await movePhase('Naar de volgende fase: Evaluatie', 'Evaluatie');
    const history = (await page.getByTestId('phase-history').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    assert(history.some((r) => r.includes('Van Intake naar Actieplan') && r.includes('Intakegesprek gevoerd')), `history: ${JSON.stringify(history)}`);
    assert(history.at(-1).includes('Van Uitvoering naar Evaluatie'), `history: ${JSON.stringify(history)}`);
    await checkA11y(page, 'inclusion-walked-to-evaluation');
    await logout(page);
  });

  await test(`${COORDINATOR} reads the track without the employee's name: "Plaatsing 1 bij OBS De Spil"`, async () => {
    await login(page, COORDINATOR);
    await openTrack(BOARD);
    const row = await text(placementRow(1));
    assert(row.includes('Plaatsing 1 bij OBS De Spil') && row.includes('Conciërge-assistent'), `placement 1: ${row}`);
    const main = await page.locator('main').innerText();
    assert(!main.includes(EMPLOYEE), `the coordinator sees the name ${EMPLOYEE}`);
    assert((await page.getByTestId('action-form').count()) === 0, 'a coordinator may add actions');
    assert((await page.getByRole('button', { name: /^Naar de volgende fase/ }).count()) === 0, 'a coordinator may change the phase');
    assert(main.includes('U kunt dit traject lezen'), 'no note that the track is read only');
    await checkA11y(page, 'inclusion-track-coordinator');
    await logout(page);
  });

  await test(`${MENTOR} (Karin Bos, the mentor of placement 1) reads the name ${EMPLOYEE}`, async () => {
    await login(page, MENTOR);
    await openTrack(BOARD);
    const row = await text(placementRow(1));
    assert(row.includes(EMPLOYEE) && row.includes('Plaatsing 1 bij OBS De Spil'), `placement 1 for the mentor: ${row}`);
    await logout(page);
  });

  await test(`${REGION} sees both boards in the region's inclusion section, without any person's name`, async () => {
    await login(page, REGION);
    await openMenuIfCollapsed(page);
    const navText = await menuText(page);
    assert(!navText.includes('Inclusief werkgeverschap'), `a region contact gets the tracks in the menu: ${navText}`);
    await goMenu(page, 'Mijn regio');
    await page.waitForURL(/\/gebied\/regio\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    state.dashboardUrl = page.url();
    const section = page.getByTestId('area-inclusion');
    await section.waitFor({ timeout: TIMEOUT });
    const boards = (await section.getByTestId('inclusion-tracks-table').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    assert(boards.length >= 2, `tracks: ${JSON.stringify(boards)}`);
    assert(boards.some((r) => r.includes(BOARD) && r.includes('Uitvoering') && r.includes('3')), `tracks: ${JSON.stringify(boards)}`);
    assert(boards.some((r) => r.includes(OTHER_BOARD) && r.includes('Evaluatie')), `tracks: ${JSON.stringify(boards)}`);
    const [withTrack, total] = ((await text(section.getByTestId('inclusion-boards-with-track'))).match(/^(\d+) van (\d+)$/) ?? []).slice(1).map(Number);
    assert(withTrack >= 2 && total >= withTrack, `boards with a track: ${withTrack} of ${total}`);
    const named = await text(section.getByTestId('inclusion-bottlenecks'));
    assert(named.includes('Begeleiding op de werkvloer'), `bottlenecks: ${named}`);
    const all = await page.locator('main').innerText();
    for (const name of PEOPLE) assert(!all.includes(name), `the region's dashboard shows the name "${name}"`);
    const point = await text(section.getByTestId('service-point'));
    assert(point.includes('Werkgeversservicepunt Zuid-Kennemerland en IJmond'), `service point: ${point}`);
    await checkA11y(page, 'inclusion-area');
  });

  await test('the region contact keeps the employer service point; a save over another change is explained and reloaded', async () => {
    await page.getByRole('link', { name: 'Aanspreekpunt van Zuid-Kennemerland en IJmond bewerken' }).click();
    await page.waitForURL(/\/inclusie\/werkgeversservicepunt\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, 'Werkgeversservicepunt Zuid-Kennemerland en IJmond')) === 'Werkgeversservicepunt Zuid-Kennemerland en IJmond', `heading is "${await heading(page)}"`);
    const form = page.getByTestId('service-point-form');
    assert((await form.getByLabel('E-mail').inputValue()) === 'onderwijs@wsp-zkij.example', 'the form is not filled in');
    await checkA11y(page, 'inclusion-service-point');
    await form.getByLabel('E-mail').fill('geen-adres');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.locator('input[name="email"][aria-invalid="true"]').waitFor({ timeout: TIMEOUT });
    await form.getByLabel('E-mail').fill('onderwijs@wsp-zkij.example');
    const notes = `Vragen over loonkostensubsidie (e2e ${stamp})`;
    await form.getByLabel('Bijzonderheden').fill(notes);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await status('Het aanspreekpunt is opgeslagen.');

    // Someone else changes the opening hours while this form is open.
    const regionId = Number(new URL(page.url()).pathname.split('/').pop());
    const otherHours = `Dinsdag en donderdag (e2e ${stamp})`;
    const answer = await page.evaluate(
      async ({ id, hours }) => {
        const session = await (await fetch('/api/v1/auth/session')).json();
        const current = await fetch(`/api/v1/labour-market-regions/${id}/employer-service-point`);
        const patch = await fetch(`/api/v1/labour-market-regions/${id}/employer-service-point`, {
          method: 'PATCH',
          headers: {
            'Content-Type': 'application/json',
            'If-Match': current.headers.get('ETag') ?? '',
            'X-CSRF-Token': session.csrfToken,
          },
          body: JSON.stringify({ openingHours: hours }),
        });
        return patch.status;
      },
      { id: regionId, hours: otherHours },
    );
    assert(answer === 200, `the other change answered ${answer}`);
    await form.getByLabel('Telefoon').fill('023 555 0601');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const notice = page.getByTestId('stale-notice');
    await notice.waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'inclusion-service-point-stale');
    await notice.getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.waitForFunction(
      (hours) => document.querySelector('input[name="openingHours"]')?.value === hours,
      otherHours,
      { timeout: TIMEOUT },
    );
    assert((await page.getByTestId('stale-notice').count()) === 0, 'the stale notice stays after reloading');
    assert((await form.getByLabel('Telefoon').inputValue()) === '023 555 0600', 'the reload kept the unsaved phone number');
    // Restore the demo's opening hours.
    await form.getByLabel('Bereikbaar').fill('Maandag tot en met vrijdag, 9.00–17.00 uur');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/employer-service-point$/.test(r.url()) && r.ok(), { timeout: TIMEOUT }),
      form.getByRole('button', { name: 'Opslaan' }).click(),
    ]);
    await page.getByRole('link', { name: /^Naar het overzicht van Zuid-Kennemerland en IJmond/ }).click();
    await page.waitForURL((url) => url.href === state.dashboardUrl, { timeout: TIMEOUT });
    await settle(page);
    // The dashboard may show its cached overview first, then the one read again.
    await page
      .waitForFunction((n) => (document.querySelector('[data-testid="area-inclusion"] [data-testid="service-point"]')?.textContent ?? '').includes(n), notes, {
        timeout: TIMEOUT,
      })
      .catch(() => assert(false, 'the dashboard does not show the new notes'));
    await logout(page);
  });
}
