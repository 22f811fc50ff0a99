// Browser tests of the sync runs: a ParnasSys connection (an API key of Stichting Spil Demo with
// `sync:write`) sends two teachers of OBS De Spil, then a snapshot without one of them. The board
// administrator finds both runs under "Synchronisaties", opens the snapshot and sees the ended
// assignment and the unchanged rest (after the snapshot first stopped, as ending half of what
// ParnasSys keeps must be confirmed); opens the teacher and sees "uit ParnasSys" with the name
// read-only in the form; adds and removes a job title of the board's own. axe on every page.
// Idempotent: the people's source ids carry this run's suffix; the API key is revoked at the end.
// Called by run.mjs, after the DUO import.

const BOARD_ADMIN = 'bestuur@demo.spil.nl';
const BOARD = 'Stichting Spil Demo';

/**
 * @param {object} h helpers of run.mjs: page, BASE_URL, TIMEOUT, test, assert, settle,
 *   andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed
 */
export async function syncTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, andWaitForApi, checkA11y, heading, login, logout, openMenuIfCollapsed, goMenu, menuText } = h;
  const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
  const suffix = String(Date.now()).slice(-6);
  const anna = { sourceId: `E2E-${suffix}-1`, name: `Anna Sync ${suffix}`, email: `anna.sync.${suffix}@despil.nl` };
  const bas = { sourceId: `E2E-${suffix}-2`, name: `Bas Sync ${suffix}`, email: `bas.sync.${suffix}@despil.nl` };
  const state = { key: null, clientId: null, personUrl: null };

  /** Sends a run as the school administration system does: with the key, not the browser's session. */
  async function send(body, { query = '', status = 201 } = {}) {
    const r = await fetch(`${BASE_URL}/api/v1/sync-runs${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${state.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await r.json();
    assert(r.status === status, `sync run answered ${r.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  try {
    await test('sync: ParnasSys sends two teachers of OBS De Spil, then a snapshot without one', async () => {
      await login(page, BOARD_ADMIN);
      const created = await page.evaluate(async (board) => {
        const session = await (await fetch('/api/v1/auth/session')).json();
        const boards = await (await fetch(`/api/v1/boards?q=${encodeURIComponent(board)}`)).json();
        const r = await fetch('/api/v1/api-clients', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
          body: JSON.stringify({ name: 'ParnasSys (browsertest)', scopes: ['sync:write'], boardId: boards.items[0].id }),
        });
        return { status: r.status, body: await r.json() };
      }, BOARD);
      assert(created.status === 201, `the API key: ${created.status} ${JSON.stringify(created.body)}`);
      state.key = created.body.key;
      state.clientId = created.body.id;
      const people = [anna, bas].map((p) => ({ sourceId: p.sourceId, name: p.name, email: p.email }));
      const roles = [
        { personSourceId: anna.sourceId, role: 'Leerkracht', locationCode: '12AB00' },
        { personSourceId: bas.sourceId, role: 'Leerkracht', locationCode: '12AB00' },
      ];
      const first = await send({ source: 'parnassys', people, roleAssignments: roles });
      assert(first.counts.people.created === 2 && first.counts.roleAssignments.created === 2, `first run: ${JSON.stringify(first.counts)}`);
      // Ending one of the two is more than a fifth of what ParnasSys keeps: the run stops and asks.
      const snapshot = { source: 'parnassys', mode: 'snapshot', people: people.slice(0, 1), roleAssignments: roles.slice(0, 1) };
      const stopped = await send(snapshot, { status: 409 });
      assert(stopped.syncRun.status === 'stopped', `the guarded snapshot: ${JSON.stringify(stopped)}`);
      // Confirmed, it ends only what this source sent: everyone made by hand in the demo stays.
      const second = await send(snapshot, { query: '?confirmLargeRemoval=true' });
      assert(second.counts.roleAssignments.ended === 1 && second.counts.people.ended === 1, `snapshot: ${JSON.stringify(second.counts)}`);
      assert(second.counts.people.unchanged === 1 && second.counts.roleAssignments.unchanged === 1, `snapshot: ${JSON.stringify(second.counts)}`);
    });

    await test('sync: the board administrator opens "Synchronisaties" and the snapshot shows what it ended', async () => {
      await openMenuIfCollapsed(page);
      await goMenu(page, 'Synchronisaties');
      await page.waitForURL((url) => url.pathname === '/synchronisaties', { timeout: TIMEOUT });
      await settle(page);
      assert((await heading(page, 'Synchronisaties')) === 'Synchronisaties', `heading is "${await heading(page)}"`);
      const rows = page.getByTestId('sync-runs-table').locator('tbody tr');
      await rows.first().waitFor({ timeout: TIMEOUT });
      assert((await text(rows.nth(1))).includes('Gestopt: vraagt bevestiging'), `the stopped run: ${await text(rows.nth(1))}`);
      const newest = await text(rows.first());
      assert(newest.includes('ParnasSys') && newest.includes('Volledige stand') && newest.includes('Verwerkt'), `newest run: ${newest}`);
      assert(newest.includes('0 nieuw, 0 bijgewerkt, 2 beëindigd, 0 met problemen'), `newest run: ${newest}`);
      await checkA11y(page, 'sync-runs');

      await rows.first().getByRole('link').click();
      await page.waitForURL(/\/synchronisaties\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      assert((await heading(page)).endsWith('uit ParnasSys'), `heading is "${await heading(page)}"`);
      const ended = page.getByTestId('sync-changes').locator('tbody tr[data-action="ended"]');
      assert((await ended.count()) === 2, `ended rows: ${await ended.count()}`);
      const changes = await text(page.getByTestId('sync-changes'));
      assert(changes.includes(bas.name) && changes.includes(`${bas.name}: Leerkracht / docent (OBS De Spil)`), `the ended records: ${changes}`);
      const people = page.getByTestId('sync-counts').locator('tr[data-collection="people"]');
      assert((await text(people.locator('[data-kind="unchanged"]'))) === '1', 'Anna is not counted unchanged');
      await checkA11y(page, 'sync-run');
    });

    await test('sync: a synced teacher says "uit ParnasSys", and her name is read-only in the form', async () => {
      await page.goto(`${BASE_URL}/people?q=${encodeURIComponent(anna.name)}`);
      await settle(page);
      await page.getByRole('link', { name: anna.name }).first().click();
      await page.waitForURL(/\/people\/\d+$/, { timeout: TIMEOUT });
      await settle(page);
      state.personUrl = page.url();
      const notice = await text(page.getByTestId('synced-from'));
      assert(notice.includes('uit ParnasSys') && notice.includes('naam'), `notice: ${notice}`);
      await checkA11y(page, 'sync-person');
      await page.goto(`${state.personUrl}/edit`);
      await settle(page);
      assert((await page.getByLabel(/^Naam/).getAttribute('readonly')) !== null, 'the name can be edited');
      assert((await page.getByLabel(/^Opmerkingen/).getAttribute('readonly')) === null, 'the notes cannot be edited');
      await checkA11y(page, 'sync-person-edit');
    });

    await test('sync: the board adds a job title of its own and removes it again', async () => {
      await page.goto(`${BASE_URL}/synchronisaties`);
      await settle(page);
      await page.getByRole('link', { name: 'Functienamen' }).click();
      await page.waitForURL((url) => url.pathname === '/synchronisaties/functienamen', { timeout: TIMEOUT });
      await settle(page);
      const table = page.getByTestId('role-mappings');
      await table.waitFor({ timeout: TIMEOUT });
      assert((await text(table)).includes('intern begeleider'), 'the default "intern begeleider" is not listed');
      const title = `E2E locatieleider ${suffix}`;
      await page.getByLabel(/^Functienaam in de bron/).fill(title);
      await page.getByLabel(/^Rol in Spil/).selectOption('school-leader');
      await andWaitForApi(page, /\/sync-role-mappings$/, () => page.getByRole('button', { name: 'Functienaam toevoegen' }).click());
      const row = table.locator('tbody tr').filter({ hasText: title.toLowerCase() });
      await row.waitFor({ timeout: TIMEOUT });
      assert((await text(row)).includes('eigen'), `row: ${await text(row)}`);
      await checkA11y(page, 'sync-mappings');
      await row.getByRole('button', { name: 'Verwijderen' }).click();
      await andWaitForApi(page, /\/sync-role-mappings\/\d+$/, () => page.getByRole('group').getByRole('button', { name: 'Verwijderen' }).click());
      await row.waitFor({ state: 'detached', timeout: TIMEOUT });
    });
  } finally {
    await test('sync: the connection of the browser test is revoked', async () => {
      if (state.clientId !== null) {
        // logged in afresh: a test that failed before may have ended the session
        await login(page, BOARD_ADMIN);
        const status = await page.evaluate(async (id) => {
          const session = await (await fetch('/api/v1/auth/session')).json();
          const r = await fetch(`/api/v1/api-clients/${id}`, { method: 'DELETE', headers: { 'X-CSRF-Token': session.csrfToken } });
          return r.status;
        }, state.clientId);
        assert(status === 204, `revoking the key answered ${status}`);
      }
      await logout(page);
    });
  }
}
