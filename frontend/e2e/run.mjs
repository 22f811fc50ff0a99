#!/usr/bin/env node
// Browser tests for the Spil SPA: Debian's Chromium driven by playwright-core, axe on every page.
//
//   SPIL_E2E_BASE_URL   where Spil (API + built SPA) runs      default http://127.0.0.1:8000
//   SPIL_DEMO_PASSWORD  the demo users' password               default spil-demo
//   CHROMIUM_PATH       the browser                            default /usr/bin/chromium
//   SPIL_E2E_ONLY       while developing: run only these suites (comma-separated: core, registry, home,
//                       keypersons, complaints, indicators, areas, inclusion, programmes, duo, sync, phone, accounts); refused
//                       under CI=true, where every test runs
//
// Prints one line per test and ends with "N passed, M failed"; exits non-zero on any failure.
// Screenshots of every page go to frontend/test-results/.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { keyPersonTests } from './keypersons.mjs';
import { complaintsTests } from './complaints.mjs';
import { registryTests } from './registry.mjs';
import { indicatorTests } from './indicators.mjs';
import { areaTests } from './areas.mjs';
import { inclusionTests } from './inclusion.mjs';
import { programmeTests } from './programmes.mjs';
import { duoTests } from './duo.mjs';
import { syncTests } from './sync.mjs';
import { phoneTests } from './phone.mjs';
import { homeTests } from './home.mjs';
import { accountTests } from './accounts.mjs';

const BASE_URL = (process.env.SPIL_E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
const PASSWORD = process.env.SPIL_DEMO_PASSWORD || 'spil-demo';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const OTHER_BOARD_ADMIN = 'bestuur@tweede.spil.nl';
const TIMEOUT = 15_000;

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(here, '..', 'test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const results = [];
let shot = 0;
const ONLY = (process.env.SPIL_E2E_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
if (ONLY.length > 0 && process.env.CI === 'true') {
  process.stderr.write('SPIL_E2E_ONLY is for local runs; under CI=true every browser test runs.\n');
  process.exit(2);
}
/** The suite whose tests run now (SPIL_E2E_ONLY skips the others; they are not counted). */
let suite = 'core';
let currentPage = null;

function log(line) {
  process.stdout.write(line + '\n');
}

async function test(name, fn) {
  if (ONLY.length > 0 && !ONLY.includes(suite)) return;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    const message = error instanceof Error ? error.message : String(error);
    // Where in the test files it failed, and what the page looked like then.
    const where = (error instanceof Error ? error.stack ?? '' : '')
      .split('\n')
      .filter((line) => /e2e\/[a-z]+\.mjs/.test(line))
      .map((line) => line.trim().replace(/^at /, ''))
      .slice(0, 2);
    let picture = '';
    if (currentPage) {
      shot += 1;
      picture = join(RESULTS, `${String(shot).padStart(2, '0')}-FAILED.png`);
      await currentPage.screenshot({ path: picture, fullPage: true }).catch(() => (picture = ''));
    }
    log(`not ok - ${name}\n    ${message.split('\n').join('\n    ')}`);
    for (const line of where) log(`    at ${line}`);
    if (picture) log(`    screenshot ${picture}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits until the page has rendered its heading and nothing is loading any more. */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT }).catch(() => {});
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForFunction(
    () => document.querySelectorAll('.loading, [aria-busy="true"]').length === 0,
    null,
    { timeout: TIMEOUT },
  );
}

/** Does `action` and waits for the API request it causes (whose URL matches `pattern`). */
async function andWaitForApi(page, pattern, action) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/') && pattern.test(r.url()), { timeout: TIMEOUT }),
    action(),
  ]);
  await settle(page);
}

async function screenshot(page, name) {
  shot += 1;
  const file = join(RESULTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/** Runs axe (WCAG 2 A and AA) and fails on any violation. */
async function checkA11y(page, name) {
  await screenshot(page, name);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  if (violations.length > 0) {
    const lines = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
    );
    throw new Error(`axe found ${violations.length} violation(s) on ${name}:\n${lines.join('\n')}`);
  }
}

/**
 * The page's heading. With `expected`, first waits (up to TIMEOUT) until the heading says that:
 * a page that has just been navigated to may still show the previous or a loading heading.
 */
async function heading(page, expected) {
  if (expected !== undefined) {
    await page
      .waitForFunction((text) => document.querySelector('h1')?.textContent?.replace(/\u00ad/g, '').trim() === text, expected, { timeout: TIMEOUT })
      .catch(() => {});
  }
  // without soft hyphens (where a long word may break on a phone)
  return (await page.locator('h1').first().innerText()).replace(/\u00ad/g, '').trim();
}

async function login(page, email) {
  // Whoever was logged in before is not any more (a test that failed may not have logged out).
  await page.context().clearCookies();
  await page.goto(`${BASE_URL}/`);
  await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
  await settle(page);
}

async function logout(page) {
  await openMenuIfCollapsed(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'), { timeout: TIMEOUT });
  await settle(page);
}

async function openMenuIfCollapsed(page) {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/**
 * The main menu groups its pages in sections; a section with more than one page is a button that
 * opens its links. This opens the menu (on a phone) and the section that holds the link, and
 * returns the link.
 */
async function revealMenuLink(page, name, { exact = false } = {}) {
  await openMenuIfCollapsed(page);
  const nav = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
  const link = nav.getByRole('link', { name, exact });
  if (!(await link.first().isVisible())) {
    const section = nav.locator('li.nav-section', { has: page.getByRole('link', { name, exact, includeHidden: true }) });
    const button = section.getByRole('button');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  return link;
}

/** Clicks a page of the main menu, opening its section first. */
async function goMenu(page, name, options = {}) {
  await (await revealMenuLink(page, name, options)).click();
}

/** The main menu's words: its sections and all their links, also those of closed sections. */
async function menuText(page) {
  return page
    .getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ })
    .evaluate((nav) => [...nav.querySelectorAll('a, button')].map((el) => el.textContent.trim()).join(' | '));
}

async function main() {
  log(`# Spil browser tests against ${BASE_URL} with ${CHROMIUM}`);
  let TODAY;
  try {
    const health = await fetch(`${BASE_URL}/api/v1/health`);
    assert(health.ok, `health answered ${health.status}`);
    // The product's date (Europe/Amsterdam, pinned with SPIL_TODAY): the demo data is built around it.
    TODAY = (await health.json()).today;
    log(`# the product's date is ${TODAY}`);
  } catch (error) {
    log(`not ok - Spil is running at ${BASE_URL}\n    ${error instanceof Error ? error.message : error}`);
    log('0 passed, 1 failed');
    process.exit(1);
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const pageErrors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    context.setDefaultTimeout(TIMEOUT);
    // The API key panel's copy button writes to the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    const page = await context.newPage();
    currentPage = page;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Console errors other than the browser's own note on an HTTP error answer (401, 404, 412
    // are expected here), e.g. a Content-Security-Policy violation or a React error.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(msg.text());
    });

    const state = { boardId: null, boardUrl: null, schoolUrl: null, schoolName: null };

    await test('an anonymous visitor is sent to the login page', async () => {
      await page.goto(`${BASE_URL}/boards`);
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
      await settle(page);
      assert((await heading(page, 'Inloggen')) === 'Inloggen', `heading is "${await heading(page)}"`);
      assert((await page.locator('html').getAttribute('lang')) === 'nl', 'html lang is not nl');
      await checkA11y(page, 'login');
    });

    await test('a wrong password shows an error', async () => {
      await page.getByLabel('E-mailadres').fill(BOARD_ADMIN);
      await page.getByLabel('Wachtwoord').fill(`${PASSWORD}-wrong`);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: TIMEOUT });
      const text = await alert.innerText();
      assert(/onjuist|inlogpogingen/.test(text), `unexpected error text: ${text}`);
      await checkA11y(page, 'login-error');
    });

    await test(`log in as ${BOARD_ADMIN} and see the home page with the user's scopes`, async () => {
      await login(page, BOARD_ADMIN);
      const h1 = await heading(page);
      assert(h1.startsWith('Welkom'), `heading is "${h1}"`);
      const scopes = await page.locator('.cards .card').allInnerTexts();
      assert(scopes.some((s) => s.includes('Stichting Spil Demo')), `scopes: ${JSON.stringify(scopes)}`);
      const nav = await menuText(page);
      for (const item of ['Overzicht', 'Besturen', 'Scholen', 'Logboek', 'Gebruikers', 'Koppelingen (API)']) {
        assert(nav.includes(item), `navigation lacks "${item}": ${nav}`);
      }
      // the menu's sections stand in one row on a desktop screen
      const rows = await page
        .locator('.main-nav-sections > li')
        .evaluateAll((items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size);
      assert(rows === 1, `the menu takes ${rows} rows`);
      await checkA11y(page, 'home');
    });

    await test('reloading the page keeps the session; the skip link works from the keyboard', async () => {
      await page.reload();
      await settle(page);
      assert((await heading(page)).startsWith('Welkom'), 'not logged in after a reload');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Naar de inhoud' });
      assert(await skip.evaluate((el) => el === document.activeElement), 'the first Tab does not reach the skip link');
      const box = await skip.boundingBox();
      assert(box && box.y >= 0, 'the focused skip link is not on screen');
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert(focused === 'main', `after the skip link, focus is on "${focused}"`);
    });

    await test('boards list: search and sort', async () => {
      await goMenu(page, 'Besturen');
      await page.waitForURL('**/boards');
      await settle(page);
      assert((await heading(page, 'Besturen')) === 'Besturen', `heading is "${await heading(page)}"`);
      const rows = page.locator('table tbody tr');
      assert((await rows.count()) >= 1, 'no boards listed');
      await checkA11y(page, 'boards-list');
      await page.getByLabel('Zoek op naam of code').fill('Spil Demo');
      await andWaitForApi(page, /\/boards\?.*q=Spil/, () => page.getByRole('button', { name: 'Zoeken' }).click());
      assert(/q=Spil/.test(page.url()), `search not in the address: ${page.url()}`);
      const names = await page.locator('table tbody tr td:first-child').allInnerTexts();
      assert(names.length >= 1 && names.every((n) => /spil demo/i.test(n)), `search results: ${JSON.stringify(names)}`);
      await andWaitForApi(page, /\/boards\?.*sort=-name/, () => page.getByRole('button', { name: /^Naam/ }).click());
      assert(
        (await page.locator('th[aria-sort="descending"]').count()) === 1,
        'the name column is not marked as sorted descending',
      );
    });

    await test('board detail', async () => {
      await page.locator('table tbody tr').first().getByRole('link').first().click();
      await page.waitForURL(/\/boards\/\d+$/);
      await settle(page);
      state.boardUrl = page.url();
      state.boardId = Number(new URL(page.url()).pathname.split('/').pop());
      assert(/Stichting Spil Demo/.test(await heading(page)), `heading is "${await heading(page)}"`);
      const schools = await page.locator('.link-list li').count();
      assert(schools === 3, `expected the 3 demo schools on the board page, saw ${schools}`);
      await checkA11y(page, 'board-detail');
    });

    await test('board edit form', async () => {
      await page.getByRole('link', { name: 'Bewerken' }).click();
      await page.waitForURL(/\/boards\/\d+\/edit$/);
      await settle(page);
      assert((await page.getByLabel(/^Naam/).inputValue()).length > 0, 'name field is empty');
      await checkA11y(page, 'board-edit');
      await page.getByRole('link', { name: 'Annuleren' }).click();
      await page.waitForURL(/\/boards\/\d+$/);
    });

    await test('schools list: filter by sector', async () => {
      await goMenu(page, 'Scholen');
      await page.waitForURL('**/schools');
      await settle(page);
      const count = await page.locator('table tbody tr').count();
      assert(count === 3, `expected 3 schools, saw ${count}`);
      await checkA11y(page, 'schools-list');
      const sector = (await page.locator('table tbody tr').first().locator('td').nth(2).innerText()).trim();
      await page.getByLabel('Sector').selectOption(sector);
      await andWaitForApi(page, new RegExp(`/schools\\?.*sector=${sector}`), () =>
        page.getByRole('button', { name: 'Zoeken' }).click(),
      );
      const sectors = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
      assert(sectors.length >= 1 && sectors.every((s) => s.trim() === sector), `sectors: ${JSON.stringify(sectors)}`);
      // The unfiltered list may come from the cache: wait for the rows instead of a request.
      await page.getByRole('button', { name: 'Wissen' }).click();
      await page.waitForURL((url) => !url.search.includes('sector='));
      await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 3, null, { timeout: TIMEOUT });
      await settle(page);
    });

    await test('school detail', async () => {
      await page.locator('table tbody tr').first().getByRole('link').first().click();
      await page.waitForURL(/\/schools\/\d+$/);
      await settle(page);
      state.schoolUrl = page.url();
      state.schoolName = await heading(page);
      await checkA11y(page, 'school-detail');
    });

    await test('edit a school name and see it saved', async () => {
      assert(state.schoolUrl, 'no school opened');
      const original = state.schoolName;
      const changed = `${original} (e2e)`;
      for (const [from, to] of [
        [original, changed],
        [changed, original],
      ]) {
        await page.goto(`${state.schoolUrl}/edit`);
        await settle(page);
        const name = page.getByLabel(/^Naam/);
        assert((await name.inputValue()) === from, `form shows "${await name.inputValue()}", expected "${from}"`);
        if (from === original) await checkA11y(page, 'school-edit');
        await name.fill(to);
        await page.getByRole('button', { name: 'Opslaan' }).click();
        await page.waitForURL((url) => url.href === state.schoolUrl, { timeout: TIMEOUT });
        await settle(page);
        assert((await heading(page)) === to, `heading is "${await heading(page)}", expected "${to}"`);
        const flash = await page.getByRole('status').filter({ hasText: 'opgeslagen' }).count();
        assert(flash === 1, 'no "saved" message');
        if (from === original) await checkA11y(page, 'school-saved');
      }
    });

    await test('saving over someone else\'s change shows the stale-edit message and reloads', async () => {
      assert(state.schoolUrl, 'no school opened');
      const schoolId = Number(new URL(state.schoolUrl).pathname.split('/').pop());
      await page.goto(`${state.schoolUrl}/edit`);
      await settle(page);
      // Someone else changes the phone number while this form is open.
      const otherPhone = '020 123 4567';
      const originalPhone = await page.evaluate(
        async ({ id, phone }) => {
          const session = await (await fetch('/api/v1/auth/session')).json();
          const current = await fetch(`/api/v1/schools/${id}`);
          const school = await current.json();
          const patch = await fetch(`/api/v1/schools/${id}`, {
            method: 'PATCH',
            headers: {
              'Content-Type': 'application/json',
              'If-Match': current.headers.get('ETag') ?? '*',
              'X-CSRF-Token': session.csrfToken,
            },
            body: JSON.stringify({ phone }),
          });
          if (!patch.ok) throw new Error(`PATCH answered ${patch.status}: ${await patch.text()}`);
          return school.phone;
        },
        { id: schoolId, phone: otherPhone },
      );
      await page.getByLabel(/^Naam/).fill(`${state.schoolName} (stale)`);
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const notice = page.getByTestId('stale-notice');
      await notice.waitFor({ timeout: TIMEOUT });
      const text = await notice.innerText();
      assert(/Iemand anders heeft dit record gewijzigd/.test(text), `notice: ${text}`);
      await checkA11y(page, 'school-stale-edit');
      await page.getByRole('button', { name: 'Opnieuw laden' }).click();
      await page.waitForFunction(
        (phone) => {
          const input = [...document.querySelectorAll('input')].find((i) => i.name === 'phone');
          return input && input.value === phone;
        },
        otherPhone,
        { timeout: TIMEOUT },
      );
      assert((await page.getByLabel(/^Naam/).inputValue()) === state.schoolName, 'reload did not reset the name');
      assert((await notice.count()) === 0, 'the stale notice stays after reloading');
      // Put the phone number back, through the form.
      await page.getByLabel(/^Telefoonnummer/).fill(originalPhone ?? '');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL((url) => url.href === state.schoolUrl, { timeout: TIMEOUT });
      await settle(page);
    });

    await test('audit log shows the change', async () => {
      await goMenu(page, 'Logboek');
      await page.waitForURL('**/audit');
      await settle(page);
      const row = page.locator('table tbody tr').filter({ hasText: '(e2e)' }).first();
      const first = await row.innerText();
      assert(/Gewijzigd/.test(first) && /School/.test(first), `event: ${first}`);
      await row.locator('summary').click();
      const changes = await row.locator('table.changes').innerText();
      assert(changes.includes('Naam') && changes.includes('(e2e)'), `changes: ${changes}`);
      await checkA11y(page, 'audit-log');
      await page.getByLabel('Soort record').selectOption('board');
      await andWaitForApi(page, /\/audit-events\?.*entityType=board/, () =>
        page.getByRole('button', { name: 'Filteren' }).click(),
      );
      await checkA11y(page, 'audit-log-filtered');
    });

    await test('the language switcher changes the texts and <html lang>', async () => {
      await page.getByLabel('Taal').selectOption('en');
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor({ timeout: TIMEOUT });
      assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
      assert((await heading(page, 'Audit log')) === 'Audit log', `heading is "${await heading(page)}"`);
      await checkA11y(page, 'audit-log-english');
      await page.getByLabel('Language').selectOption('nl');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ timeout: TIMEOUT });
      assert((await page.locator('html').getAttribute('lang')) === 'nl', 'html lang is not nl again');
    });

    await test('an unknown address shows the not-found page', async () => {
      await page.goto(`${BASE_URL}/no-such-page`);
      await settle(page);
      assert((await heading(page, 'Pagina niet gevonden')) === 'Pagina niet gevonden', `heading is "${await heading(page)}"`);
      await checkA11y(page, 'not-found');
    });

    await test('a 375px wide phone gets a working menu', async () => {
      const phone = await context.newPage();
      phone.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await phone.setViewportSize({ width: 375, height: 740 });
        await phone.goto(`${BASE_URL}/`);
        await settle(phone);
        const toggle = phone.getByRole('button', { name: 'Menu' });
        assert(await toggle.isVisible(), 'no menu button on a phone');
        const nav = phone.getByRole('navigation', { name: 'Hoofdmenu' });
        assert(!(await nav.isVisible()), 'navigation should be folded away until the menu is opened');
        await toggle.click();
        assert((await toggle.getAttribute('aria-expanded')) === 'true', 'aria-expanded not true');
        for (const item of ['Overzicht', 'Besturen', 'Scholen', 'Logboek']) {
          const link = await revealMenuLink(phone, item);
          assert(await link.isVisible(), `"${item}" not visible in the phone menu`);
        }
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `the page is ${overflow}px wider than the phone`);
        await checkA11y(phone, 'phone-menu');
        await goMenu(phone, 'Scholen');
        await phone.waitForURL('**/schools');
        await settle(phone);
        assert(!(await nav.isVisible()), 'menu did not close after navigating');
        await checkA11y(phone, 'phone-schools');
      } finally {
        await phone.close();
      }
    });

    const stamp = Date.now();
    const account = { email: `e2e-${stamp}@demo.spil.nl`, name: `E2E Gebruiker ${stamp}`, url: null };

    await test('users list and the new-user form', async () => {
      await openMenuIfCollapsed(page);
      await goMenu(page, 'Gebruikers');
      await page.waitForURL('**/users');
      await settle(page);
      assert((await heading(page, 'Gebruikers')) === 'Gebruikers', `heading is "${await heading(page)}"`);
      const rows = await page.locator('table tbody tr').allInnerTexts();
      assert(rows.some((r) => r.includes(BOARD_ADMIN) && r.includes('Actief')), `users: ${JSON.stringify(rows)}`);
      await checkA11y(page, 'users-list');
      await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
      await page.waitForURL('**/users/new');
      await settle(page);
      // The role-level rule is enforced: a school admin is offered schools only.
      // Wait for the boards and schools the scope list is made of.
      await page.locator('select[name="scope"] option', { hasText: 'Basisschool De Regenboog' }).waitFor({ state: 'attached' });
      await page.getByLabel('Rol (verplicht)').selectOption('school-admin');
      const groups = await page.getByLabel('Bij (verplicht)').locator('optgroup').evaluateAll((els) => els.map((e) => e.label));
      assert(JSON.stringify(groups) === '["School"]', `scope groups for a school admin: ${JSON.stringify(groups)}`);
      await page.getByLabel('Rol (verplicht)').selectOption('');
      await checkA11y(page, 'user-create');
    });

    await test('create a user with a coordinator role at Basisschool De Regenboog', async () => {
      await page.getByLabel(/^E-mailadres/).fill(account.email);
      await page.getByLabel(/^Naam/).fill(account.name);
      await page.getByLabel(/^Eerste wachtwoord/).fill(`e2e-wachtwoord-${stamp}`);
      await page.getByLabel('Rol (verplicht)').selectOption('coordinator');
      await page.getByLabel('Bij (verplicht)').selectOption({ label: 'Basisschool De Regenboog' });
      await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await page.waitForURL(/\/users\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      account.url = page.url();
      assert((await heading(page, account.name)) === account.name, `heading is "${await heading(page)}"`);
      assert((await page.getByRole('status').filter({ hasText: 'aangemaakt' }).count()) === 1, 'no "created" message');
      const roles = await page.locator('table tbody tr').allInnerTexts();
      assert(
        roles.length === 1 && roles[0].includes('Coördinator') && roles[0].includes('Basisschool De Regenboog'),
        `roles: ${JSON.stringify(roles)}`,
      );
      await checkA11y(page, 'user-detail');
    });

    await test('the new user is in the users list', async () => {
      await page.goto(`${BASE_URL}/users`);
      await settle(page);
      await page.getByLabel('Zoek op naam of e-mailadres').fill(String(stamp));
      await andWaitForApi(page, new RegExp(`/users\\?.*q=${stamp}`), () => page.getByRole('button', { name: 'Zoeken' }).click());
      const rows = await page.locator('table tbody tr').allInnerTexts();
      assert(
        rows.length === 1 &&
          rows[0].includes(account.name) &&
          rows[0].includes(account.email) &&
          rows[0].includes('Actief') &&
          rows[0].includes('Coördinator · Basisschool De Regenboog'),
        `users: ${JSON.stringify(rows)}`,
      );
      await page.getByRole('link', { name: account.name }).click();
      await page.waitForURL((url) => url.href === account.url, { timeout: TIMEOUT });
      await settle(page);
    });

    await test('add a viewer role to the user and remove it again', async () => {
      assert(account.url, 'no user created');
      await page.getByLabel('Rol (verplicht)').selectOption('viewer');
      await page.getByLabel('Bij (verplicht)').selectOption({ label: 'Stichting Spil Demo' });
      await page.getByRole('button', { name: 'Rol toevoegen' }).click();
      await page.getByRole('status').filter({ hasText: 'De rol is toegevoegd' }).waitFor({ timeout: TIMEOUT });
      const viewer = page.locator('table tbody tr').filter({ hasText: 'Meelezer' });
      await viewer.waitFor({ timeout: TIMEOUT });
      assert((await viewer.innerText()).includes('Stichting Spil Demo'), `viewer row: ${await viewer.innerText()}`);
      await checkA11y(page, 'user-role-added');
      await viewer.getByRole('button', { name: /verwijderen$/ }).click();
      const confirm = viewer.getByRole('group');
      await confirm.waitFor({ timeout: TIMEOUT });
      assert(await confirm.evaluate((el) => el === document.activeElement), 'focus is not on the confirmation');
      await checkA11y(page, 'user-role-confirm-remove');
      await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page.getByRole('status').filter({ hasText: 'De rol is verwijderd' }).waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(
        () => ![...document.querySelectorAll('table tbody tr')].some((r) => r.textContent.includes('Meelezer')),
        null,
        { timeout: TIMEOUT },
      );
      const roles = await page.locator('table tbody tr').allInnerTexts();
      assert(roles.length === 1 && roles[0].includes('Coördinator'), `roles after removing: ${JSON.stringify(roles)}`);
    });

    await test('deactivate the user through the edit form', async () => {
      assert(account.url, 'no user created');
      await page.getByRole('link', { name: 'Bewerken' }).click();
      await page.waitForURL(/\/users\/\d+\/edit$/);
      await settle(page);
      await checkA11y(page, 'user-edit');
      await page.getByLabel('Account actief (kan inloggen)').uncheck();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL((url) => url.href === account.url, { timeout: TIMEOUT });
      await settle(page);
      assert((await page.locator('.details').innerText()).includes('Inactief'), 'the user is not shown as inactive');
    });

    await test('create an API client, see its key once, and revoke it', async () => {
      await openMenuIfCollapsed(page);
      await goMenu(page, 'Koppelingen (API)');
      await page.waitForURL('**/api-clients');
      await settle(page);
      assert((await heading(page, 'Koppelingen (API)')) === 'Koppelingen (API)', `heading is "${await heading(page)}"`);
      await checkA11y(page, 'api-clients-list');
      await page.getByRole('link', { name: 'Nieuwe koppeling' }).click();
      await page.waitForURL('**/api-clients/new');
      await settle(page);
      await checkA11y(page, 'api-client-create');
      const name = `E2E koppeling ${stamp}`;
      await page.getByLabel(/^Naam/).fill(name);
      const board = page.getByLabel(/^Bestuur/);
      if ((await board.inputValue()) === '') await board.selectOption({ label: 'Stichting Spil Demo' });
      await page.getByLabel(/^Besturen en scholen lezen/).check();
      await page.getByRole('button', { name: 'Koppeling aanmaken' }).click();
      const panel = page.getByTestId('api-key-panel');
      await panel.waitFor({ timeout: TIMEOUT });
      const key = await panel.getByLabel('API-sleutel').inputValue();
      assert(/^spil_[0-9a-f]{12}_\S+$/.test(key), `key: ${key}`);
      assert(await panel.locator('h2').evaluate((el) => el === document.activeElement), 'focus is not on the key panel');
      assert((await panel.innerText()).includes('niet nog een keer getoond'), 'no warning that the key is shown once');
      await checkA11y(page, 'api-client-key');
      await panel.getByRole('button', { name: 'Kopiëren' }).click();
      await page.waitForFunction(() => (document.querySelector('.copy-status')?.textContent ?? '').trim() !== '', null, {
        timeout: TIMEOUT,
      });
      const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
      assert(copied === null || copied === key, 'the clipboard holds something else than the key');
      // The key works, for the API and without the browser's session.
      const before = await fetch(`${BASE_URL}/api/v1/schools`, { headers: { Authorization: `Bearer ${key}` } });
      assert(before.status === 200, `the new key gets ${before.status} for /schools`);
      await panel.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
      await page.waitForURL(/\/api-clients$/, { timeout: TIMEOUT });
      await settle(page);
      assert(!(await page.content()).includes(key), 'the key is still on the page');
      const row = page.locator('table tbody tr').filter({ hasText: name });
      await row.waitFor({ timeout: TIMEOUT });
      const text = await row.innerText();
      assert(text.includes('Actief') && text.includes('Besturen en scholen lezen') && text.includes('Nog niet gebruikt') === false, `row: ${text}`);
      await row.getByRole('button', { name: `Koppeling ${name} intrekken` }).click();
      await row.getByRole('group').waitFor({ timeout: TIMEOUT });
      await checkA11y(page, 'api-client-confirm-revoke');
      await row.getByRole('button', { name: 'Ja, intrekken' }).click();
      await page.getByRole('status').filter({ hasText: 'is ingetrokken' }).waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('table tbody tr')].some((r) => r.textContent.includes(n) && r.textContent.includes('Ingetrokken')),
        name,
        { timeout: TIMEOUT },
      );
      assert((await row.getByRole('button').count()) === 0, 'a revoked client can still be revoked');
      await checkA11y(page, 'api-client-revoked');
      const after = await fetch(`${BASE_URL}/api/v1/schools`, { headers: { Authorization: `Bearer ${key}` } });
      assert(after.status === 401, `the revoked key gets ${after.status} for /schools`);
    });

    await test('the account screens fit a 375px wide phone', async () => {
      const phone = await context.newPage();
      phone.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await phone.setViewportSize({ width: 375, height: 740 });
        for (const [address, name] of [
          ['/users', 'phone-users'],
          ['/users/new', 'phone-user-create'],
          [new URL(account.url ?? `${BASE_URL}/users`).pathname, 'phone-user-detail'],
          ['/api-clients', 'phone-api-clients'],
          ['/api-clients/new', 'phone-api-client-create'],
        ]) {
          await phone.goto(`${BASE_URL}${address}`);
          await settle(phone);
          const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 0, `${address} is ${overflow}px wider than the phone`);
          await checkA11y(phone, name);
        }
        for (const item of ['Gebruikers', 'Koppelingen (API)']) {
          assert(await (await revealMenuLink(phone, item)).isVisible(), `"${item}" not visible in the phone menu`);
        }
      } finally {
        await phone.close();
      }
    });

    await test('log out', async () => {
      await logout(page);
      assert((await heading(page, 'Inloggen')) === 'Inloggen', `heading is "${await heading(page)}"`);
      await page.goto(`${BASE_URL}/schools`);
      await page.waitForURL((url) => url.pathname === '/login', { timeout: TIMEOUT });
    });

    await test(`${OTHER_BOARD_ADMIN} cannot open a school of another board`, async () => {
      assert(state.schoolUrl && state.boardUrl, 'no school or board of the first board known');
      await login(page, OTHER_BOARD_ADMIN);
      await page.goto(state.schoolUrl);
      await settle(page);
      assert((await page.getByTestId('not-found').count()) === 1, `no not-found page at ${state.schoolUrl}: "${await heading(page)}"`);
      await checkA11y(page, 'other-board-school-not-found');
      await page.goto(state.boardUrl);
      await settle(page);
      assert((await page.getByTestId('not-found').count()) === 1, `no not-found page at ${state.boardUrl}`);
      await logout(page);
    });

    await test('a school coordinator gets a navigation without boards and audit log', async () => {
      await login(page, 'coordinator@demo.spil.nl');
      const nav = await menuText(page);
      assert(nav.includes('Scholen') && !nav.includes('Besturen') && !nav.includes('Logboek'), `navigation: ${nav}`);
      assert(!nav.includes('Gebruikers') && !nav.includes('Koppelingen'), `a coordinator sees account management: ${nav}`);
      // A coordinator starts on the gaps dashboard; the home page lists their school.
      await page.goto(`${BASE_URL}/`);
      await settle(page);
      await page.locator('.cards .card a').first().click();
      await page.waitForURL(/\/schools\/\d+$/);
      await settle(page);
      assert((await page.getByRole('link', { name: 'Bewerken' }).count()) === 0, 'a coordinator may not edit the school record');
      await checkA11y(page, 'coordinator-school');
      for (const address of ['/users', '/api-clients']) {
        await page.goto(`${BASE_URL}${address}`);
        await settle(page);
        const alert = await page.getByRole('alert').innerText();
        assert(/geen toestemming/.test(alert), `${address} for a coordinator: ${alert}`);
      }
      await logout(page);
    });

    await test('a platform admin creates a board (with validation errors first) and deletes it', async () => {
      await login(page, 'admin@demo.spil.nl');
      await page.goto(`${BASE_URL}/boards`);
      await settle(page);
      await page.getByRole('link', { name: 'Nieuw bestuur' }).click();
      await page.waitForURL('**/boards/new');
      await settle(page);
      await checkA11y(page, 'board-create');
      // The API's 400 problem puts its invalid fields next to the fields.
      await page.getByLabel(/^Naam/).fill('E2E Testbestuur');
      await page.getByLabel(/^Bestuursnummer/).fill('12');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const number = page.getByLabel(/^Bestuursnummer/);
      await page.waitForFunction(
        () => [...document.querySelectorAll('input[name="number"]')].some((i) => i.getAttribute('aria-invalid') === 'true'),
        null,
        { timeout: TIMEOUT },
      );
      const describedBy = (await number.getAttribute('aria-describedby')) ?? '';
      const errorText = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText();
      assert(errorText.trim().length > 0, 'no error text next to the board number');
      await checkA11y(page, 'board-create-invalid');
      await number.fill(String(90000 + Math.floor(Math.random() * 9999)));
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/\/boards\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      assert((await heading(page, 'E2E Testbestuur')) === 'E2E Testbestuur', `heading is "${await heading(page)}"`);
      await page.getByRole('button', { name: 'Verwijderen' }).click();
      await page.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click();
      await page.waitForURL(/\/boards$/, { timeout: TIMEOUT });
      await settle(page);
      assert((await page.getByRole('status').filter({ hasText: 'verwijderd' }).count()) === 1, 'no "deleted" message');
      await logout(page);
    });

    const helpers = {
      page, context, pageErrors, BASE_URL, TODAY, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, screenshot, heading, login, logout, openMenuIfCollapsed, revealMenuLink, goMenu, menuText,
    };
    const suites = [
      ['registry', registryTests],
      ['home', homeTests],
      ['keypersons', keyPersonTests],
      ['complaints', complaintsTests],
      ['indicators', indicatorTests],
      ['areas', areaTests],
      ['inclusion', inclusionTests],
      ['programmes', programmeTests],
      ['duo', duoTests],
      ['sync', syncTests],
      ['phone', phoneTests],
      ['accounts', accountTests],
    ];
    for (const [name, run] of suites) {
      suite = name;
      if (ONLY.length === 0 || ONLY.includes(name)) await run(helpers);
    }
    suite = 'core';

    await test('no uncaught errors or console errors in the browser', async () => {
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });

    await context.close();
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (error) {
  results.push({ name: 'browser run', ok: false });
  log(`not ok - browser run\n    ${error instanceof Error ? error.stack : error}`);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
log(`# screenshots in ${RESULTS}`);
log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
