// Browser tests of the indicators: the board's dashboard (chart, table with the status against the
// target, comparison of its schools), entering a value for a school and seeing it in the table,
// replacing it when it exists (409, If-Match), setting a target, the same in English, the import's dry run, and the region
// contact's view of aggregates only; axe on every page. Called by run.mjs, last.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const REGION_CONTACT = 'regio@demo.spil.nl';
const SCHOOL = 'OBS De Spil';


/**
 * @param {object} h helpers of run.mjs: page, test, assert, settle, andWaitForApi, checkA11y,
 *   heading, login, logout, openMenuIfCollapsed, TIMEOUT
 */
export async function indicatorTests(h) {
  const { page, TODAY, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText, TIMEOUT } = h;
  // This month as the API writes it (`2026-11`), by the product's date: the demo has values for the six months before it.
  const period = TODAY.slice(0, 7);

  async function openDashboard() {
    await openMenuIfCollapsed(page);
    await goMenu(page, 'Indicatoren');
    await page.waitForURL((url) => url.pathname === '/indicators', { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, 'Indicatoren')) === 'Indicatoren', `heading is "${await heading(page)}"`);
  }

  /** The dashboard's figure for this month in the table of the chosen school or board. */
  async function valueOf(month) {
    const row = page.getByTestId('series-table').locator(`tr[data-period="${month}"]`);
    await row.waitFor({ timeout: TIMEOUT });
    return (await row.locator('td').first().innerText()).trim();
  }

  async function chooseSchool() {
    await page.getByLabel('Bestuur, school, gemeente of regio').selectOption({ label: SCHOOL });
    await page.getByLabel('Indicator', { exact: true }).selectOption('parent-contacts');
    await settle(page);
    await page.locator('[data-testid="series-table"] caption', { hasText: `Contactmomenten met ouders voor ${SCHOOL}` }).waitFor({ timeout: TIMEOUT });
  }

  /** Picks `YYYY-MM` in a period picker: the month (by its value) and the year. */
  async function pickMonth(group, month) {
    await group.getByRole('combobox', { name: 'Maand' }).selectOption(month.slice(5, 7));
    await group.getByRole('combobox', { name: 'Jaar' }).selectOption(month.slice(0, 4));
  }

  /** Enters `value` for this month at the school; replaces an existing value when offered (409). */
  async function enter(value, { expectDuplicate }) {
    await page.getByRole('link', { name: 'Waarde invoeren' }).click();
    await page.waitForURL((url) => url.pathname === '/indicators/measurements/new', { timeout: TIMEOUT });
    await settle(page);
    const indicator = await page.getByLabel(/^Indicator/).inputValue();
    assert(indicator === 'parent-contacts', `the form did not take the dashboard's indicator: "${indicator}"`);
    const scope = await page.getByLabel(/^School of bestuur/).locator('option:checked').innerText();
    assert(scope.trim() === SCHOOL, `the form did not take the dashboard's school: "${scope}"`);
    await pickMonth(page.getByRole('group', { name: /^Periode/ }), period);
    await page.getByLabel(/^Waarde/).fill(String(value));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const duplicate = page.getByTestId('duplicate');
    const outcome = await Promise.race([
      duplicate.waitFor({ timeout: TIMEOUT }).then(() => 'duplicate'),
      page.waitForURL((url) => url.pathname === '/indicators', { timeout: TIMEOUT }).then(() => 'saved'),
    ]);
    if (expectDuplicate) assert(outcome === 'duplicate', 'a second value for the same period was not refused');
    if (outcome === 'duplicate') {
      const replace = page.getByRole('button', { name: `Vervang de bestaande waarde door ${value}` });
      await replace.waitFor({ timeout: TIMEOUT });
      await checkA11y(page, 'indicators-duplicate');
      await andWaitForApi(page, /\/measurements\/\d+$/, () => replace.click());
      await page.waitForURL((url) => url.pathname === '/indicators', { timeout: TIMEOUT });
    }
    await settle(page);
    const flash = outcome === 'duplicate' ? `is bijgewerkt naar ${value}` : `De waarde ${value} voor ${period} is opgeslagen`;
    assert((await page.getByRole('status').filter({ hasText: flash }).count()) === 1, `no message "${flash}"`);
  }

  await test(`${BOARD_ADMIN} sees the board's parent contacts as a chart and a table, its schools compared`, async () => {
    await login(page, BOARD_ADMIN);
    await openDashboard();
    const scope = page.getByLabel('Bestuur, school, gemeente of regio');
    const board = await scope.locator('optgroup[label="Besturen"] option').first().getAttribute('value');
    assert(board && board.startsWith('board:'), `no board to choose: ${board}`);
    // Either may be chosen already (the first board, the first indicator): then nothing is asked anew.
    await scope.selectOption(board);
    await page.getByLabel('Indicator', { exact: true }).selectOption('parent-contacts');
    await settle(page);
    await page.locator('[data-testid="series-table"] caption', { hasText: 'Contactmomenten met ouders' }).waitFor({ timeout: TIMEOUT });
    const table = page.getByTestId('series-table');
    const values = await table.locator('tbody td:nth-of-type(1)').allInnerTexts();
    assert(values.some((v) => /^\d+$/.test(v.trim())), `no values in the table: ${JSON.stringify(values)}`);
    assert((await page.getByTestId('direction').innerText()).includes('Hoger is beter'), 'the direction is not named');
    assert((await page.getByTestId('trend-chart').count()) === 1, 'no chart');
    const compare = page.getByTestId('compare-table');
    assert((await compare.count()) === 1, 'no comparison of the schools');
    const schools = await compare.locator('tbody th').allInnerTexts();
    assert(schools.includes(SCHOOL), `the comparison lists ${JSON.stringify(schools)}`);
    const csv = await page.getByRole('link', { name: /^CSV/ }).getAttribute('href');
    assert(/\/exports\/measurements\?format=csv&boardId=\d+$/.test(csv ?? ''), `CSV export link: ${csv}`);
    await checkA11y(page, 'indicators-dashboard');
  });

  await test(`${BOARD_ADMIN} enters ${period} for ${SCHOOL}, sees it in the table, and replaces it (409, If-Match)`, async () => {
    await chooseSchool();
    await enter(41, { expectDuplicate: false });
    assert((await valueOf(period)) === '41', `the table shows "${await valueOf(period)}" for ${period}`);
    await enter(43, { expectDuplicate: true });
    assert((await valueOf(period)) === '43', `after replacing, the table shows "${await valueOf(period)}" for ${period}`);
  });

  await test(`${BOARD_ADMIN} sets the school's target for ${period}: the table says it is not met, in words`, async () => {
    const form = page.getByRole('form', { name: 'Doel instellen' });
    await pickMonth(form.getByRole('group', { name: /^Periode/ }), period);
    await form.getByLabel(/^Doel/).fill('45');
    await andWaitForApi(page, /\/targets$/, () => form.getByRole('button', { name: 'Doel opslaan' }).click());
    await page.getByRole('status').filter({ hasText: `Het doel 45 voor ${period} is opgeslagen.` }).waitFor({ timeout: TIMEOUT });
    const row = page.getByTestId('series-table').locator(`tr[data-period="${period}"]`);
    await row.filter({ hasText: '✗ doel niet gehaald, 2 onder het doel' }).waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'indicators-target');
  });

  await test('the same dashboard in English: the status against the target in words, axe', async () => {
    const language = page.getByLabel('Taal');
    await language.selectOption('en');
    try {
      await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor({ timeout: TIMEOUT });
      const caption = page.locator('[data-testid="series-table"] caption');
      await caption.filter({ hasText: `Contacts with parents for ${SCHOOL}` }).waitFor({ timeout: TIMEOUT });
      const row = page.getByTestId('series-table').locator(`tr[data-period="${period}"]`);
      await row.filter({ hasText: '✗ target not met, 2 below the target' }).waitFor({ timeout: TIMEOUT });
      assert((await page.getByTestId('direction').innerText()).includes('Higher is better'), 'the direction is not in English');
      assert((await page.locator('html').getAttribute('lang')) === 'en', 'the page does not say it is in English');
      await checkA11y(page, 'indicators-english');
    } finally {
      await page.getByLabel('Language').selectOption('nl');
      await page.getByRole('heading', { level: 1, name: 'Indicatoren' }).waitFor({ timeout: TIMEOUT });
    }
  });

  await test('the import of measurements checks a file first: one valid row, one with a percentage over 100', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spil-e2e-'));
    const file = join(dir, 'metingen.csv');
    writeFileSync(file, `indicator;school;periode;waarde\r\nparent-contacts;12AB00;${period};44\r\nparent-evening-attendance;12AB00;2024-2025;120\r\n`);
    try {
      await page.getByRole('link', { name: 'Metingen importeren' }).click();
      await page.waitForURL((url) => url.pathname === '/import', { timeout: TIMEOUT });
      await settle(page);
      assert(await page.getByRole('radio', { name: 'Metingen van indicatoren' }).isChecked(), 'measurements are not chosen');
      await page.getByLabel(/^Bestand \(CSV of Excel\)/).setInputFiles(file);
      await andWaitForApi(page, /\/imports\/measurements\?.*dryRun=true/, () => page.getByRole('button', { name: 'Controleren' }).click());
      const preview = page.getByTestId('import-preview');
      await preview.waitFor({ timeout: TIMEOUT });
      assert((await preview.locator('tbody tr').count()) === 2, 'the preview does not show 2 rows');
      const errorRow = await preview.locator('tr[data-status="error"]').innerText();
      assert(/waarde/.test(errorRow) && /100/.test(errorRow), `error row: ${errorRow}`);
      assert((await preview.locator('tr[data-status="update"]').count()) === 1, 'the value for this month is not an update');
      await checkA11y(page, 'indicators-import-preview');
      // Nothing was written: the dashboard still shows 43.
      await page.getByRole('button', { name: 'Ander bestand kiezen' }).click();
      await openDashboard();
      await chooseSchool();
      assert((await valueOf(period)) === '43', `after the dry run the table shows "${await valueOf(period)}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await logout(page);
  });

  await test(`${REGION_CONTACT} sees region and board figures only, without schools, entry or export`, async () => {
    await login(page, REGION_CONTACT);
    await openDashboard();
    const groups = await page.getByLabel('Bestuur, school, gemeente of regio').locator('optgroup').evaluateAll((list) => list.map((g) => g.getAttribute('label')));
    assert(!groups.includes('Scholen') && groups.includes("Regio's"), `scope groups: ${JSON.stringify(groups)}`);
    await page.getByLabel('Bestuur, school, gemeente of regio').selectOption({ index: 0 });
    await page.getByLabel('Indicator', { exact: true }).selectOption('parent-contacts');
    await settle(page);
    await page.getByTestId('series-table').waitFor({ timeout: TIMEOUT });
    assert((await page.getByTestId('compare-table').count()) === 0, 'a region contact sees the schools compared');
    assert((await page.getByRole('link', { name: 'Waarde invoeren' }).count()) === 0, 'a region contact may enter values');
    assert((await page.getByRole('link', { name: /^CSV/ }).count()) === 0, 'a region contact may export measurements');
    await checkA11y(page, 'indicators-region');
    await logout(page);
  });
}
