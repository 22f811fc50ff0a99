// Browser tests of the registry screens: gaps, partners, partnerships, people, roles, organogram,
// induction, import and the catalogue. Called by run.mjs, with its page, helpers and reporting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COORDINATOR = 'coordinator@demo.spil.nl';
const VIEWER = 'lezer@demo.spil.nl';
const BOARD_ADMIN = 'bestuur@demo.spil.nl';
// A demo partner with no partnership at the coordinator's school (OBS De Spil) yet.
const NEW_PARTNER = 'GGD Kennemerland';

/**
 * @param {object} h helpers of run.mjs: page, context, pageErrors, BASE_URL, TIMEOUT, test, assert,
 *   settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed
 */
export async function registryTests(h) {
  const { page, context, BASE_URL, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const state = { partnershipUrl: null, newPartnershipUrl: null };

  async function goNav(name, urlPattern) {
    await openMenuIfCollapsed(page);
    await goMenu(page, name, { exact: true });
    await page.waitForURL(urlPattern, { timeout: TIMEOUT });
    await settle(page);
  }

  /** Opens each address in a 375px wide page of the same session: nothing wider than the phone, no axe violations. */
  async function onPhone(addresses) {
    const phone = await context.newPage();
    phone.on('pageerror', (error) => h.pageErrors.push(error.message));
    try {
      await phone.setViewportSize({ width: 375, height: 740 });
      for (const [path, name] of addresses) {
        await phone.goto(`${BASE_URL}${path}`);
        await settle(phone);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
        await checkA11y(phone, name);
      }
    } finally {
      await phone.close();
    }
  }

  /** Picks a colleague in a searching picker: types part of the name, then chooses the option. */
  async function pickPerson(label, person) {
    const box = page.getByRole('combobox', { name: label });
    await box.fill(person.slice(0, 4));
    const option = page.getByRole('option', { name: new RegExp(`^${person}`) }).first();
    await option.waitFor({ timeout: TIMEOUT });
    await option.click();
    const value = await box.inputValue();
    assert(value === person, `the picker holds "${value}", not ${person}`);
  }

  const cjgGap = () => page.locator('.gap-item').filter({ hasText: 'CJG Haarlem' }).filter({ hasText: 'Continuïteitsrisico' });

  await test(`${COORDINATOR} lands on the gaps dashboard and sees CJG Haarlem as a continuity risk`, async () => {
    await login(page, COORDINATOR);
    assert(new URL(page.url()).pathname === '/gaps', `after login the coordinator is at ${page.url()}`);
    assert((await heading(page, 'Knelpunten en hiaten')) === 'Knelpunten en hiaten', `heading is "${await heading(page)}"`);
    const navText = await menuText(page);
    for (const item of ['Knelpunten', 'Partners', 'Samenwerkingen', 'Mensen', 'Wie doet wat', 'Importeren']) {
      assert(navText.includes(item), `navigation lacks "${item}": ${navText}`);
    }
    assert((await cjgGap().count()) === 1, 'no continuity-risk gap for CJG Haarlem');
    const text = await cjgGap().innerText();
    assert(/rust op één persoon/.test(text), `gap text: ${text}`);
    assert(!/rests on one person/.test(await page.locator('main').innerText()), 'English gap text shown to a Dutch user');
    const counts = await page.locator('.gap-counts').innerText();
    assert(/waarschuwing/i.test(counts), `counts: ${counts}`);
    await checkA11y(page, 'registry-gaps');
  });

  await test('the gaps dashboard filters by severity', async () => {
    await page.getByLabel('Ernst', { exact: true }).selectOption('error');
    await andWaitForApi(page, /\/gaps\?.*severity=error/, () => page.getByRole('button', { name: 'Filteren' }).click());
    assert((await page.locator('.gap-item-warning').count()) === 0, 'warnings shown while filtering on urgent');
    await page.getByRole('button', { name: 'Wissen' }).click();
    await page.waitForURL((url) => !url.search.includes('severity='));
    await cjgGap().waitFor({ timeout: TIMEOUT });
    await settle(page);
  });

  await test('open the CJG Haarlem partnership and add a second internal contact', async () => {
    await cjgGap().getByRole('link', { name: /CJG Haarlem/ }).click();
    await page.waitForURL(/\/partnerships\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    state.partnershipUrl = page.url();
    assert((await heading(page, 'CJG Haarlem')) === 'CJG Haarlem', `heading is "${await heading(page)}"`);
    const contacts = page.getByTestId('internal-contacts').locator('li');
    assert((await contacts.count()) === 1, `expected one internal contact, saw ${await contacts.count()}`);
    assert((await page.getByText('Het contact rust op één persoon').count()) >= 1, 'no single-contact warning on the partnership');
    await checkA11y(page, 'registry-partnership-detail');
    await pickPerson(/^Collega/, 'Vera Vertrouwen');
    await andWaitForApi(page, /\/role-assignments$/, () => page.getByRole('button', { name: 'Toevoegen', exact: true }).click());
    await page.getByRole('status').filter({ hasText: 'Vera Vertrouwen is nu contactpersoon' }).waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="internal-contacts"] li').length === 2, null, {
      timeout: TIMEOUT,
    });
    assert((await page.getByText('Het contact rust op één persoon').count()) === 0, 'the single-contact warning stays');
    await checkA11y(page, 'registry-partnership-two-contacts');
  });

  await test('log a bottleneck on the partnership and mark it resolved', async () => {
    await page.getByLabel(/^Soort knelpunt/).selectOption('staff-turnover');
    await page.getByLabel(/^Toelichting/).fill('Nieuwe jeugdverpleegkundige (e2e)');
    await andWaitForApi(page, /\/bottlenecks$/, () => page.getByRole('button', { name: 'Vastleggen' }).click());
    const row = page.locator('tr').filter({ hasText: 'Nieuwe jeugdverpleegkundige (e2e)' });
    await row.waitFor({ timeout: TIMEOUT });
    await andWaitForApi(page, /\/bottlenecks\/\d+$/, () => row.getByRole('button', { name: /Markeer als opgelost/ }).click());
    await row.getByText('Opgelost').waitFor({ timeout: TIMEOUT });
    await checkA11y(page, 'registry-bottlenecks');
  });

  await test('back on the gaps dashboard the CJG continuity gap is gone', async () => {
    await goNav('Knelpunten', /\/gaps/);
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.gap-item')].some((el) => el.textContent?.includes('CJG Haarlem')),
      null,
      { timeout: TIMEOUT },
    );
    assert((await cjgGap().count()) === 0, 'the CJG Haarlem gap is still listed');
  });

  /** The gaps of one kind for a partner on the dashboard (which the test has just opened). */
  const partnerGap = (kind, partner) => page.locator(`.gap-item[data-kind="${kind}"]`).filter({ hasText: partner });

  /** Opens the gaps dashboard and waits until the gap is (or is no longer) listed. */
  async function gapsShow(kind, partner, shown) {
    await goNav('Knelpunten', /\/gaps/);
    await page.waitForFunction(
      ({ kind, partner, shown }) =>
        [...document.querySelectorAll(`.gap-item[data-kind="${kind}"]`)].some((el) => el.textContent?.includes(partner)) === shown,
      { kind, partner, shown },
      { timeout: TIMEOUT },
    );
  }

  /** From the gap on the dashboard to its partnership, and add a colleague as internal contact. */
  async function addContactFromGap(kind, person) {
    await partnerGap(kind, NEW_PARTNER).getByRole('link', { name: new RegExp(NEW_PARTNER) }).click();
    await page.waitForURL((url) => url.href === state.newPartnershipUrl, { timeout: TIMEOUT });
    await settle(page);
    await pickPerson(/^Collega/, person);
    await andWaitForApi(page, /\/role-assignments$/, () => page.getByRole('button', { name: 'Toevoegen', exact: true }).click());
    await page.getByRole('status').filter({ hasText: `${person} is nu contactpersoon` }).waitFor({ timeout: TIMEOUT });
    // The list shows the new contact once the partnership is read again (counting items raced
    // with a list still rendering from the cache).
    await page.locator('[data-testid="internal-contacts"] li').filter({ hasText: person }).first().waitFor({ timeout: TIMEOUT });
  }

  await test(`create a partnership with ${NEW_PARTNER} for OBS De Spil in the partnership form; without a contact it is urgent`, async () => {
    await goNav('Samenwerkingen', /\/partnerships$/);
    const existing = await page.locator('table tbody tr').filter({ hasText: NEW_PARTNER }).filter({ hasText: 'OBS De Spil' }).count();
    assert(existing === 0, `OBS De Spil already works with ${NEW_PARTNER}: the demo data is not fresh`);
    await page.getByRole('link', { name: 'Nieuwe samenwerking' }).click();
    await page.waitForURL(/\/partnerships\/new/);
    await settle(page);
    assert((await heading(page, 'Nieuwe samenwerking')) === 'Nieuwe samenwerking', `heading is "${await heading(page)}"`);
    await page.getByLabel(/^Voor/).selectOption({ label: 'OBS De Spil' });
    await page.getByLabel(/^Partner/).selectOption({ label: NEW_PARTNER });
    await page.getByRole('group', { name: 'Niveaus' }).getByLabel('Leerling').check();
    await page.getByRole('group', { name: 'Doelen' }).getByLabel('Noodzakelijke zorg').check();
    // The form asks for the first contact, and says what saving without one means.
    assert((await page.getByTestId('no-first-contact').innerText()).includes('urgent knelpunt'), 'no warning about saving without a contact');
    await checkA11y(page, 'registry-partnership-create');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/partnerships\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    state.newPartnershipUrl = page.url();
    assert((await heading(page, NEW_PARTNER)) === NEW_PARTNER, `heading is "${await heading(page)}"`);
    assert((await page.getByRole('status').filter({ hasText: 'Toegevoegd en opgeslagen' }).count()) === 1, 'no "created" message');
    assert((await page.getByText('Niemand op school is aanspreekpunt voor deze partner.').count()) === 1, 'no "no contact" warning');
    await gapsShow('no-internal-contact', NEW_PARTNER, true);
    assert(/Urgent/.test(await partnerGap('no-internal-contact', NEW_PARTNER).innerText()), 'the missing contact is not urgent');
  });

  await test(`one internal contact: the dashboard shows ${NEW_PARTNER} as a continuity risk`, async () => {
    assert(state.newPartnershipUrl, 'no partnership created');
    await addContactFromGap('no-internal-contact', 'Sanne de Vries');
    assert((await page.getByText('Het contact rust op één persoon').count()) >= 1, 'no single-contact warning on the partnership');
    await gapsShow('single-internal-contact', NEW_PARTNER, true);
    assert((await partnerGap('no-internal-contact', NEW_PARTNER).count()) === 0, 'the "no contact" gap stays');
    const text = await partnerGap('single-internal-contact', NEW_PARTNER).innerText();
    assert(/Continuïteitsrisico/.test(text) && /rust op één persoon/.test(text), `gap text: ${text}`);
    await checkA11y(page, 'registry-gaps-new-partnership');
  });

  await test(`a second internal contact: the continuity risk of ${NEW_PARTNER} is gone`, async () => {
    assert(state.newPartnershipUrl, 'no partnership created');
    await addContactFromGap('single-internal-contact', 'Karin Bos');
    assert((await page.getByText('Het contact rust op één persoon').count()) === 0, 'the single-contact warning stays');
    await gapsShow('single-internal-contact', NEW_PARTNER, false);
    assert((await page.locator('.gap-item').filter({ hasText: NEW_PARTNER }).count()) === 0, `${NEW_PARTNER} still has a gap`);
  });

  await test('partners list, search and detail with its partnerships', async () => {
    await goNav('Partners', /\/partners$/);
    assert((await heading(page, 'Partners')) === 'Partners', `heading is "${await heading(page)}"`);
    assert((await page.locator('table tbody tr').count()) >= 6, 'fewer than 6 partners listed');
    assert((await page.getByRole('link', { name: 'CSV' }).count()) === 1, 'no CSV export link');
    const href = await page.getByRole('link', { name: /Excel/ }).getAttribute('href');
    assert(/\/api\/v1\/exports\/partners\?format=xlsx/.test(href ?? ''), `xlsx link: ${href}`);
    await checkA11y(page, 'registry-partners');
    await page.getByLabel('Zoek op naam of KvK-nummer').fill('Bibliotheek');
    await andWaitForApi(page, /\/partners\?.*q=Bibliotheek/, () => page.getByRole('button', { name: 'Zoeken' }).click());
    const names = await page.locator('table tbody tr td:first-child').allInnerTexts();
    assert(names.length >= 1 && names.every((n) => /Bibliotheek/.test(n)), `search results: ${JSON.stringify(names)}`);
    await page.getByRole('link', { name: 'Bibliotheek Zuid-Kennemerland' }).click();
    await page.waitForURL(/\/partners\/\d+$/);
    await settle(page);
    assert((await heading(page, 'Bibliotheek Zuid-Kennemerland')) === 'Bibliotheek Zuid-Kennemerland', `heading is "${await heading(page)}"`);
    const partnerships = await page.locator('table tbody tr').allInnerTexts();
    assert(partnerships.some((r) => r.includes('OBS De Spil')), `partnerships: ${JSON.stringify(partnerships)}`);
    await checkA11y(page, 'registry-partner-detail');
  });

  await test('the partner form shows the API\'s KvK validation next to the field', async () => {
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.waitForURL(/\/partners\/\d+\/edit$/);
    await settle(page);
    await checkA11y(page, 'registry-partner-edit');
    const kvk = page.getByLabel(/^KvK-nummer/);
    await kvk.fill('123');
    await andWaitForApi(page, /\/partners\/\d+$/, () => page.getByRole('button', { name: 'Opslaan' }).click());
    await page.waitForFunction(
      () => document.querySelector('input[name="kvkNumber"]')?.getAttribute('aria-invalid') === 'true',
      null,
      { timeout: TIMEOUT },
    );
    const describedBy = ((await kvk.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    const message = await page.locator(`[id="${describedBy}"]`).innerText();
    assert(/8 cijfers/.test(message), `KvK error: ${message}`);
    await checkA11y(page, 'registry-partner-edit-invalid');
    await page.getByRole('link', { name: 'Annuleren' }).click();
    await page.waitForURL(/\/partners\/\d+$/);
    await settle(page);
  });

  await test('people list filtered by language', async () => {
    await goNav('Mensen', /\/people$/);
    assert((await page.locator('table tbody tr').count()) >= 5, 'fewer than 5 people listed');
    await checkA11y(page, 'registry-people');
    await page.getByLabel('Spreekt').selectOption('ar');
    await andWaitForApi(page, /\/people\?.*language=ar/, () => page.getByRole('button', { name: 'Zoeken' }).click());
    const names = await page.locator('table tbody tr td:first-child').allInnerTexts();
    assert(names.length >= 1 && names.some((n) => n.includes('Fatima El Amrani')), `people speaking Arabic: ${JSON.stringify(names)}`);
    await page.getByRole('link', { name: 'Vera Vertrouwen' }).count();
    await page.getByRole('link', { name: 'Fatima El Amrani' }).click();
    await page.waitForURL(/\/people\/\d+$/);
    await settle(page);
    const roles = await page.locator('table tbody').first().innerText();
    assert(/Sleutelpersoon/.test(roles), `roles: ${roles}`);
    await checkA11y(page, 'registry-person-detail');
  });

  await test('role matrix of the school: statutory roles marked, an assignment can be added', async () => {
    await goNav('Wie doet wat', /\/who\/roles\?schoolId=\d+/);
    assert((await heading(page)).startsWith('Rolverdeling'), `heading is "${await heading(page)}"`);
    const law = await page.locator('tr[data-role="internal-confidential-counsellor"]').innerText();
    assert(/Wettelijk verplicht/.test(law) && /Vera Vertrouwen/.test(law), `counsellor row: ${law}`);
    await checkA11y(page, 'registry-role-matrix');
    await page.locator('tr[data-role="event-manager"]').getByRole('link', { name: /Toewijzen/ }).click();
    await page.waitForURL(/\/role-assignments\/new/);
    await settle(page);
    assert((await page.getByLabel(/^Rol/).inputValue()) === 'event-manager', 'the role is not preselected');
    await pickPerson(/^Persoon/, 'Karin Bos');
    await checkA11y(page, 'registry-assign-role');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/who\/roles\?schoolId=\d+/, { timeout: TIMEOUT });
    await settle(page);
    const row = await page.locator('tr[data-role="event-manager"]').innerText();
    assert(/Karin Bos/.test(row), `event manager row: ${row}`);
  });

  await test('organogram: the diagram and the equivalent list', async () => {
    await page.getByRole('navigation', { name: 'Weergaven per school' }).getByRole('link', { name: 'Organogram' }).click();
    await page.waitForURL(/\/who\/organogram/);
    await settle(page);
    const svg = page.getByTestId('organogram-svg');
    await svg.waitFor({ timeout: TIMEOUT });
    assert((await svg.locator('.node-person').count()) >= 5, 'fewer than 5 people in the diagram');
    assert((await svg.locator('.node-partner').count()) >= 1, 'no partners in the diagram');
    await checkA11y(page, 'registry-organogram-graph');
    await page.getByRole('button', { name: 'Lijst' }).click();
    const list = page.getByTestId('organogram-list');
    await list.waitFor({ timeout: TIMEOUT });
    assert((await page.getByRole('button', { name: 'Lijst' }).getAttribute('aria-pressed')) === 'true', 'list toggle not pressed');
    const text = await list.innerText();
    assert(/Contactpersoon voor\s+CJG Haarlem/.test(text), `list: ${text.slice(0, 400)}`);
    await checkA11y(page, 'registry-organogram-list');
  });

  await test('induction overview by level, with a clean print version', async () => {
    await page.getByRole('navigation', { name: 'Weergaven per school' }).getByRole('link', { name: 'Introductie' }).click();
    await page.waitForURL(/\/who\/induction/);
    await settle(page);
    const pupils = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Voor leerlingen' }) });
    const text = await pupils.innerText();
    assert(/CJG Haarlem/.test(text) && /Chris Coördinator/.test(text), `pupil level: ${text}`);
    await checkA11y(page, 'registry-induction');
    await page.emulateMedia({ media: 'print' });
    try {
      assert(!(await page.locator('.app-header').isVisible()), 'the header shows in print');
      assert(!(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()), 'the print button shows in print');
      await h.screenshot(page, 'registry-induction-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  await test('import people from a Windows-1252 CSV: preview with one error row, then import the valid rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spil-e2e-'));
    const file = join(dir, 'mensen.csv');
    // Windows-1252, as Excel saves it: é is one byte (0xE9).
    writeFileSync(file, Buffer.from('naam;soort;e-mail;talen\r\nRenée Import;staff;renee.import@example.nl;nl,fr\r\nBert Fout;alien;bert.fout@example.nl;nl\r\n', 'latin1'));
    try {
      await goNav('Importeren', /\/import$/);
      await checkA11y(page, 'registry-import');
      await page.getByRole('radio', { name: 'Mensen' }).check();
      await page.getByLabel(/^Bestand \(CSV of Excel\)/).setInputFiles(file);
      await andWaitForApi(page, /\/imports\/people\?.*dryRun=true/, () => page.getByRole('button', { name: 'Controleren' }).click());
      const preview = page.getByTestId('import-preview');
      await preview.waitFor({ timeout: TIMEOUT });
      assert((await preview.locator('tbody tr').count()) === 2, 'the preview does not show 2 rows');
      assert((await preview.locator('tr[data-status="error"]').count()) === 1, 'the preview does not show 1 error row');
      const errorRow = await preview.locator('tr[data-status="error"]').innerText();
      assert(/Fout/.test(errorRow) && /soort/.test(errorRow), `error row: ${errorRow}`);
      assert((await page.getByRole('button', { name: /^Importeer alle/ }).count()) === 0, '"Importeer alle" offered despite an error');
      await checkA11y(page, 'registry-import-preview');
      await andWaitForApi(page, /\/imports\/people\?.*dryRun=false/, () =>
        page.getByRole('button', { name: /^Importeer geldige rijen/ }).click(),
      );
      await page.getByRole('heading', { name: 'De import is opgeslagen' }).waitFor({ timeout: TIMEOUT });
      await goNav('Mensen', /\/people$/);
      await page.getByRole('link', { name: 'Renée Import' }).waitFor({ timeout: TIMEOUT });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await test('the registry on a 375px wide phone', async () => {
    await onPhone([
      ['/gaps', 'registry-phone-gaps'],
      [new URL(state.partnershipUrl ?? `${BASE_URL}/partners`).pathname, 'registry-phone-partnership'],
      ['/who/roles', 'registry-phone-roles'],
    ]);
    await logout(page);
  });

  await test(`${VIEWER} reads the registry without edit buttons`, async () => {
    await login(page, VIEWER);
    assert(new URL(page.url()).pathname === '/', `a viewer starts at ${page.url()}`);
    const navText = await menuText(page);
    assert(navText.includes('Knelpunten') && !navText.includes('Importeren'), `navigation: ${navText}`);
    assert(state.partnershipUrl, 'no partnership opened');
    await page.goto(state.partnershipUrl);
    await settle(page);
    assert((await page.getByRole('link', { name: 'Bewerken' }).count()) === 0, 'a viewer sees "Bewerken"');
    assert((await page.getByRole('button', { name: 'Toevoegen', exact: true }).count()) === 0, 'a viewer can add contacts');
    await checkA11y(page, 'registry-viewer-partnership');
    await goNav('Partners', /\/partners$/);
    assert((await page.getByRole('link', { name: 'Nieuwe partner' }).count()) === 0, 'a viewer sees "Nieuwe partner"');
    await logout(page);
  });

  await test(`${BOARD_ADMIN} adds an own role to the catalogue, sees it listed, and deletes it`, async () => {
    await login(page, BOARD_ADMIN);
    await goNav('Catalogus', /\/catalogue\/roles$/);
    assert((await heading(page, 'Rollen')) === 'Rollen', `heading is "${await heading(page)}"`);
    const law = await page.getByRole('table', { name: /^Ingebouwde rollen/ }).locator('tr[data-code="internal-confidential-counsellor"]').innerText();
    assert(/Wettelijk verplicht/.test(law) && /School/.test(law), `built-in counsellor row: ${law}`);
    await checkA11y(page, 'catalogue-roles');

    const form = page.getByRole('form', { name: 'Eigen rol toevoegen' });
    const name = `E2E-rol ${Date.now()}`;
    const code = name.toLowerCase().replace(' ', '-');
    await form.getByLabel(/^Naam in het Nederlands/).fill(name);
    assert((await form.getByLabel(/^Code/).inputValue()) === code, `proposed code: ${await form.getByLabel(/^Code/).inputValue()}`);
    await form.getByLabel(/^Niveau/).selectOption('school');
    await form.getByLabel('Deze rol vraagt toegekende uren').check();
    await andWaitForApi(page, /\/role-types$/, () => form.getByRole('button', { name: 'Rol toevoegen' }).click());
    await form.getByRole('status').filter({ hasText: `De rol ${name} is toegevoegd.` }).waitFor({ timeout: TIMEOUT });
    const own = page.getByRole('table', { name: 'Eigen rollen van het bestuur' });
    const row = own.locator(`tr[data-code="${code}"]`);
    await row.waitFor({ timeout: TIMEOUT });
    const text = await row.innerText();
    assert(text.includes(name) && /Ja/.test(text), `own role row: ${text}`);
    await checkA11y(page, 'catalogue-role-added');

    // The same code again: the API's 409 shows next to the code field.
    await form.getByLabel(/^Naam in het Nederlands/).fill(name);
    await andWaitForApi(page, /\/role-types$/, () => form.getByRole('button', { name: 'Rol toevoegen' }).click());
    await page.waitForFunction(() => document.querySelector('input[name="code"]')?.getAttribute('aria-invalid') === 'true', null, {
      timeout: TIMEOUT,
    });
    const describedBy = ((await form.getByLabel(/^Code/).getAttribute('aria-describedby')) ?? '').split(' ')[0];
    const message = await page.locator(`[id="${describedBy}"]`).innerText();
    assert(/bestaat al/.test(message), `duplicate code error: ${message}`);
    await checkA11y(page, 'catalogue-role-duplicate');

    await row.getByRole('button', { name: `Rol ${name} verwijderen` }).click();
    const confirm = row.getByRole('group');
    await confirm.waitFor({ timeout: TIMEOUT });
    assert(await confirm.evaluate((el) => el === document.activeElement), 'focus is not on the confirmation');
    await checkA11y(page, 'catalogue-role-confirm-delete');
    await andWaitForApi(page, /\/role-types\/\d+$/, () => confirm.getByRole('button', { name: 'Ja, verwijderen' }).click());
    await page.getByRole('status').filter({ hasText: `De rol ${name} is verwijderd.` }).waitFor({ timeout: TIMEOUT });
    await row.waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  await test('the partner categories of the catalogue: built-in kinds, and a code that exists already', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen van de catalogus' }).getByRole('link', { name: 'Soorten partners' }).click();
    await page.waitForURL(/\/catalogue\/partner-categories$/);
    await settle(page);
    assert((await heading(page, 'Soorten partners')) === 'Soorten partners', `heading is "${await heading(page)}"`);
    const library = await page.getByRole('table', { name: 'Ingebouwde soorten' }).locator('tr[data-code="library"]').innerText();
    assert(/Bibliotheek/.test(library), `library row: ${library}`);
    await checkA11y(page, 'catalogue-categories');
    const form = page.getByRole('form', { name: 'Eigen soort toevoegen' });
    await form.getByLabel(/^Naam in het Nederlands/).fill('Bibliotheek');
    await form.getByLabel(/^Code/).fill('library');
    await andWaitForApi(page, /\/partner-categories$/, () => form.getByRole('button', { name: 'Soort toevoegen' }).click());
    await page.waitForFunction(() => document.querySelector('input[name="code"]')?.getAttribute('aria-invalid') === 'true', null, {
      timeout: TIMEOUT,
    });
    await checkA11y(page, 'catalogue-category-duplicate');
  });

  await test('the catalogue with its forms on a 375px wide phone', async () => {
    await onPhone([
      ['/catalogue/roles', 'catalogue-phone-roles'],
      ['/catalogue/partner-categories', 'catalogue-phone-categories'],
    ]);
  });

  await test(`${BOARD_ADMIN} downloads what Spil holds about a person, is refused erasing a counsellor, and erases a leaver`, async () => {
    // A colleague who left, registered for this test through the API as the SPA would.
    const personId = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const boardId = session.access.boards[0].id;
      const r = await fetch('/api/v1/people', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ boardId, name: 'Wim Vertrokken', email: `wim.${Date.now()}@example.nl`, languages: ['nl'] }),
      });
      if (!r.ok) throw new Error(`POST /people answered ${r.status}: ${await r.text()}`);
      return (await r.json()).id;
    });
    await page.goto(`${BASE_URL}/people/${personId}`);
    await settle(page);
    const privacy = page.getByRole('region', { name: 'Privacy' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      privacy.getByRole('button', { name: 'Gegevens downloaden' }).click(),
    ]);
    assert(/spil-persoonsgegevens-\d+\.json/.test(download.suggestedFilename()), `download: ${download.suggestedFilename()}`);
    await checkA11y(page, 'person-privacy');
    await privacy.getByRole('button', { name: 'Gegevens wissen' }).click();
    await andWaitForApi(page, /\/erasure$/, () => privacy.getByRole('group').getByRole('button', { name: 'Gegevens wissen' }).click());
    await page.getByTestId('erased-notice').waitFor({ timeout: TIMEOUT });
    assert((await heading(page)) === 'Gewiste persoon', `heading after erasure: ${await heading(page)}`);
    assert((await page.getByRole('link', { name: 'Bewerken' }).count()) === 0, 'an erased person can still be edited');

    // The internal confidential counsellor of OBS De Spil holds a role the law requires.
    await goNav('Mensen', /\/people$/);
    await page.getByRole('link', { name: 'Vera Vertrouwen' }).click();
    await settle(page);
    await privacy.getByRole('button', { name: 'Gegevens wissen' }).click();
    await andWaitForApi(page, /\/erasure$/, () => privacy.getByRole('group').getByRole('button', { name: 'Gegevens wissen' }).click());
    const alert = privacy.getByRole('alert');
    await alert.waitFor({ timeout: TIMEOUT });
    assert(/Vera Vertrouwen/.test(await alert.innerText()), `refusal: ${await alert.innerText()}`);
    assert((await heading(page)) === 'Vera Vertrouwen', 'the counsellor was erased');
    await logout(page);
  });
}
