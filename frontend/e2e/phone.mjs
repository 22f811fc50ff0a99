// Browser test of every screen in the main menu on a 375px phone, for each demo role that has a
// menu of its own: no page is wider than the screen (the document's width, not a guess per page).
// Called by run.mjs, last.

const ROLES = ['bestuur@demo.spil.nl', 'directie@demo.spil.nl', 'coordinator@demo.spil.nl', 'regio@demo.spil.nl', 'gemeente@demo.spil.nl'];

/**
 * @param {object} h helpers of run.mjs: page, context, BASE_URL, TIMEOUT, test, assert, settle,
 *   login, logout, screenshot
 */
export async function phoneTests(h) {
  const { page, context, BASE_URL, test, assert, settle, login, logout } = h;

  for (const role of ROLES) {
    await test(`${role}: every page of the menu fits a 375px phone`, async () => {
      await login(page, role);
      // the menu's addresses, as the desktop page lists them (those of closed sections too)
      const links = await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { includeHidden: true })
        .evaluateAll((list) => list.map((a) => a.getAttribute('href')).filter((href) => href && href.startsWith('/')));
      assert(links.length > 0, 'no menu');
      const phone = await context.newPage();
      phone.on('pageerror', (error) => h.pageErrors.push(error.message));
      const wide = [];
      try {
        await phone.setViewportSize({ width: 375, height: 740 });
        for (const href of [...new Set(links)]) {
          await phone.goto(`${BASE_URL}${href}`);
          await settle(phone);
          const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) {
            const culprits = await phone.evaluate(() =>
              [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(-2)
                .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}`),
            );
            await h.screenshot(phone, `phone-overflow-${href.replace(/\W+/g, '-')}`);
            wide.push(`${href} (+${overflow}px: ${culprits.join(', ')})`);
          }
        }
      } finally {
        await phone.close();
      }
      assert(wide.length === 0, `wider than the phone: ${wide.join('; ')}`);
      await logout(page);
    });
  }
}
