// Browser tests of "Scholen uit DUO bijwerken": the administrator of Stichting Spil Demo opens the
// screen on the board page, uploads a file in DUO's layout (Latin-1, `;`, names in capitals, rows
// of other boards), sees the dry run's diff (an unchanged school, a changed denomination, a new
// location, a location of another board that is not taken over), applies the valid rows and finds
// the new location on the board page and its denomination on the school page. axe on every page.
// Idempotent: the new location is deleted and the changed denomination emptied again at the end.
// Called by run.mjs, after programmes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const BOARD = 'Stichting Spil Demo';
const NEW_CODE = '12AB09'; // a location nothing else in the demo or the other browser tests uses
const NEW_NAME = 'OBS De Spil, Locatie Het Mozaïek';

const HEADER = [
  'PROVINCIE', 'BEVOEGD GEZAG NUMMER', 'INSTELLINGSCODE', 'VESTIGINGSCODE', 'VESTIGINGSNAAM', 'STRAATNAAM',
  'HUISNUMMER-TOEVOEGING', 'POSTCODE', 'PLAATSNAAM', 'GEMEENTENUMMER', 'GEMEENTENAAM', 'DENOMINATIE',
  'TELEFOONNUMMER', 'INTERNETADRES',
];
const ROWS = [
  // OBS De Spil as the demo has it: unchanged (capitals, no space in the postal code or the phone number)
  ['Noord-Holland', '41234', '12AB', '12AB00', 'OBS DE SPIL', 'KLEVERPARKWEG', '12', '2023CA', 'HAARLEM', '0392', 'HAARLEM', '', '0235550101', ''],
  // a school of another board: skipped
  ['Utrecht', '51234', '67GH', '67GH00', 'CBS HET KOMPAS', 'AMSTERDAMSESTRAATWEG', '101', '3513AB', 'UTRECHT', '0344', 'UTRECHT', '', '', ''],
  // De Regenboog gets its denomination
  ['Noord-Holland', '41234', '23CD', '23CD00', 'BASISSCHOOL DE REGENBOOG', 'SCHOTERWEG', '40', '2021HZ', 'HAARLEM', '0392', 'HAARLEM', 'Rooms-Katholiek', '', ''],
  // a new location, with a character that is one byte in Latin-1
  ['Noord-Holland', '41234', '12AB', NEW_CODE, 'OBS DE SPIL, LOCATIE HET MOZAÏEK', 'ZIJLWEG', '1', '2013DA', 'HAARLEM', '0392', 'HAARLEM', 'Openbaar', '0235550109', 'www.obsdespil.example'],
  // Tweede Demo's school under this board's number: a problem, never a takeover
  ['Noord-Holland', '41234', '78JK', '78JK00', 'CBS DE ARK', 'RIJKSSTRAATWEG', '250', '2025DG', 'HAARLEM', '0392', 'HAARLEM', '', '', ''],
];

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TODAY, TIMEOUT, test,
 *   assert, settle, andWaitForApi, checkA11y, screenshot, heading, login, logout, openMenuIfCollapsed
 */
export async function duoTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout } = h;
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const state = { boardUrl: null, newSchoolUrl: null };
  const dir = mkdtempSync(join(tmpdir(), 'spil-e2e-duo-'));
  const file = join(dir, 'adressen-alle-vestigingen.csv');
  writeFileSync(file, Buffer.from([HEADER, ...ROWS].map((r) => r.join(';')).join('\r\n') + '\r\n', 'latin1'));
  const row = (code) => page.getByTestId('duo-preview').locator(`tbody tr[data-location="${code}"]`);

  async function openBoard() {
    await page.goto(`${BASE_URL}/boards`);
    await settle(page);
    await page.locator('table tbody tr').filter({ hasText: BOARD }).getByRole('link', { name: BOARD }).click();
    await page.waitForURL(/\/boards\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await heading(page, BOARD)) === BOARD, `heading is "${await heading(page)}"`);
    state.boardUrl = page.url();
  }

  try {
    await test('DUO: the board administrator opens "Scholen uit DUO bijwerken" on the board page', async () => {
      await login(page, BOARD_ADMIN);
      await openBoard();
      const toggle = page.getByRole('button', { name: 'Scholen uit DUO bijwerken' });
      assert((await toggle.getAttribute('aria-expanded')) === 'false', 'the DUO screen is open before it is asked for');
      await toggle.click();
      const section = page.getByTestId('duo-import');
      await section.waitFor({ timeout: TIMEOUT });
      assert((await text(section)).includes('bestuursnummer 41234'), 'the screen does not name the board number');
      await checkA11y(page, 'duo-open');
    });

    await test('DUO: the dry run shows per location what changes, and the problem of another board\'s school', async () => {
      await page.getByLabel(/^Bestand van DUO/).setInputFiles(file);
      await andWaitForApi(page, /\/imports\/duo-schools\?.*dryRun=true/, () => page.getByRole('button', { name: 'Controleren' }).click());
      const preview = page.getByTestId('duo-preview');
      await preview.waitFor({ timeout: TIMEOUT });
      const statuses = await preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.location}:${r.dataset.status}`));
      assert(
        JSON.stringify(statuses) === JSON.stringify(['12AB00:unchanged', '23CD00:update', `${NEW_CODE}:create`, '78JK00:error']),
        `statuses: ${JSON.stringify(statuses)}`,
      );
      assert((await text(row('23CD00'))).includes('Denominatie: (leeg) → Rooms-Katholiek'), `23CD00: ${await text(row('23CD00'))}`);
      const created = await text(row(NEW_CODE));
      assert(created.includes(NEW_NAME) && created.includes('Haarlem (GM0392)'), `the new location: ${created}`);
      assert((await text(row('78JK00'))).includes('hoort in Spil bij een ander bestuur'), `78JK00: ${await text(row('78JK00'))}`);
      const summary = await text(page.getByTestId('duo-import'));
      assert(summary.includes('5 rijen in het bestand; 1 van andere besturen zijn overgeslagen.'), `summary: ${summary}`);
      assert(summary.includes('In Spil, niet in dit bestand') && summary.includes('SBO De Wending'), 'SBO De Wending is not listed as not in the file');
      assert((await page.getByRole('button', { name: 'Toepassen', exact: true }).count()) === 0, '"Toepassen" offered despite a problem');
      await checkA11y(page, 'duo-preview');
    });

    await test('DUO: applying writes the valid rows; the new location is on the board page', async () => {
      await andWaitForApi(page, /\/imports\/duo-schools\?.*dryRun=false.*validOnly=true/, () =>
        page.getByRole('button', { name: 'Toepassen, zonder de rij met een probleem' }).click(),
      );
      const done = page.getByRole('status').filter({ hasText: 'Scholen bijgewerkt' });
      await done.waitFor({ timeout: TIMEOUT });
      assert((await text(done)).includes('1 nieuw, 1 bijgewerkt'), `done: ${await text(done)}`);
      await checkA11y(page, 'duo-applied');
      const link = page.locator('.link-list li').filter({ hasText: NEW_CODE }).getByRole('link', { name: NEW_NAME });
      await link.waitFor({ timeout: TIMEOUT });
      await link.click();
      await page.waitForURL(/\/schools\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      state.newSchoolUrl = page.url();
      assert((await heading(page, NEW_NAME)) === NEW_NAME, `heading is "${await heading(page)}"`);
      assert((await text(page.getByTestId('school-denomination'))) === 'Openbaar', 'the denomination is not shown');
      await checkA11y(page, 'duo-new-school');
    });

    await test('DUO: the same file again changes nothing', async () => {
      await page.goto(state.boardUrl);
      await settle(page);
      await page.getByRole('button', { name: 'Scholen uit DUO bijwerken' }).click();
      await page.getByLabel(/^Bestand van DUO/).setInputFiles(file);
      await andWaitForApi(page, /\/imports\/duo-schools\?.*dryRun=true/, () => page.getByRole('button', { name: 'Controleren' }).click());
      const preview = page.getByTestId('duo-preview');
      await preview.waitFor({ timeout: TIMEOUT });
      const statuses = await preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status));
      assert(JSON.stringify(statuses) === JSON.stringify(['unchanged', 'unchanged', 'unchanged', 'error']), `statuses: ${JSON.stringify(statuses)}`);
      assert((await page.getByRole('button', { name: /^Toepassen/ }).count()) === 0, 'something to apply the second time');
    });
  } finally {
    // Put the demo back: delete the new location, empty De Regenboog's denomination again.
    await test('DUO: the demo data is put back', async () => {
      if (state.newSchoolUrl) {
        await page.goto(state.newSchoolUrl);
        await settle(page);
        await page.getByRole('button', { name: 'Verwijderen' }).click();
        await andWaitForApi(page, /\/schools\/\d+$/, () => page.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click());
        await page.waitForURL(/\/schools$/, { timeout: TIMEOUT });
      }
      await page.goto(`${BASE_URL}/schools`);
      await settle(page);
      await page.locator('table tbody tr').filter({ hasText: 'Basisschool De Regenboog' }).getByRole('link').first().click();
      await page.waitForURL(/\/schools\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      const regenboog = page.url();
      if ((await text(page.getByTestId('school-denomination'))) !== '—') {
        await page.goto(`${regenboog}/edit`);
        await settle(page);
        await page.getByLabel(/^Denominatie/).fill('');
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.waitForURL((url) => url.href === regenboog, { timeout: TIMEOUT });
        await settle(page);
      }
      assert((await text(page.getByTestId('school-denomination'))) === '—', 'De Regenboog keeps a denomination');
      await page.goto(state.boardUrl ?? `${BASE_URL}/boards`);
      await settle(page);
      const schools = await page.locator('.link-list li').count();
      assert(schools === 3, `the board page lists ${schools} schools, not the demo's 3`);
      await logout(page);
    });
    rmSync(dir, { recursive: true, force: true });
  }
}
