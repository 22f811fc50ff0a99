// Accounts: a board administrator invites a colleague, the colleague sets a password from the mail
// (read back from the smoke run's mail server, SPIL_E2E_MAILDIR), logs in, sets up two-step login
// with the QR code's secret, and logs in again with a code; the forgotten-password page.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BOARD_ADMIN = 'bestuur@demo.spil.nl';

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows now (RFC 6238: HMAC-SHA1, 30-second steps, six digits). */
export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A quoted-printable body as text (the links in mails are split over lines). */
function unquote(raw) {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

export async function accountTests(h) {
  const { page, BASE_URL, TIMEOUT, test, assert, settle, checkA11y, heading, login, logout, goMenu } = h;
  const maildir = process.env.SPIL_E2E_MAILDIR;
  const stamp = String(Date.now()).slice(-7);
  const colleague = { email: `uitgenodigd.${stamp}@demo.spil.nl`, name: `Ilse Uitgenodigd ${stamp}`, password: `een lange zin ${stamp}` };
  const state = { link: null, secret: null };

  async function mailTo(address) {
    const deadline = Date.now() + TIMEOUT;
    while (Date.now() < deadline) {
      for (const dir of ['new', 'cur']) {
        let names = [];
        try {
          names = readdirSync(join(maildir, dir));
        } catch {
          continue;
        }
        for (const name of names) {
          const raw = readFileSync(join(maildir, dir, name), 'utf8');
          if (raw.includes(`X-RcptTo: ${address}`)) return unquote(raw);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no mail to ${address} in ${maildir}`);
  }

  async function logInAs(email, password, code) {
    await page.context().clearCookies();
    await page.goto(`${BASE_URL}/login`);
    await settle(page);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    if (code) {
      const field = page.getByLabel('Code uit uw authenticator-app');
      await field.waitFor();
      await field.fill(code());
      await page.getByRole('button', { name: 'Inloggen' }).click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
    await settle(page);
  }

  if (!maildir) {
    await test('accounts: SPIL_E2E_MAILDIR is set (the smoke run starts a mail server)', async () => {
      assert(false, 'run the browser tests through scripts/smoke.sh, which reads the invitation mail back');
    });
    return;
  }

  await test('accounts: a board administrator invites a colleague; no password is typed', async () => {
    await login(page, BOARD_ADMIN);
    await goMenu(page, 'Gebruikers', { exact: true });
    await page.waitForURL('**/users');
    await page.getByRole('link', { name: 'Collega uitnodigen' }).click();
    await page.waitForURL('**/users/invite');
    await settle(page);
    assert((await heading(page, 'Collega uitnodigen')) === 'Collega uitnodigen', `heading is "${await heading(page)}"`);
    assert((await page.getByLabel(/wachtwoord/i).count()) === 0, 'the invitation asks for a password');
    await page.locator('select[name="scope"] option', { hasText: 'Basisschool De Regenboog' }).waitFor({ state: 'attached' });
    await page.getByLabel(/^E-mailadres/).fill(colleague.email);
    await page.getByLabel(/^Naam/).fill(colleague.name);
    await page.getByLabel('Rol (verplicht)').selectOption('coordinator');
    await page.getByLabel('Bij (verplicht)').selectOption({ label: 'Basisschool De Regenboog' });
    await checkA11y(page, 'accounts-invite');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.waitForURL(/\/users\/\d+$/, { timeout: TIMEOUT });
    await settle(page);
    assert((await page.getByText(/Uitgenodigd: deze collega heeft nog geen wachtwoord gekozen/).count()) === 1, 'not shown as invited');
    await checkA11y(page, 'accounts-invited-user');
    await logout(page);
  });

  await test('accounts: the invitation mail arrives with a link to choose a password', async () => {
    const mail = await mailTo(colleague.email);
    assert(/Subject: Uitnodiging voor Spil/.test(mail), 'subject of the invitation');
    const match = mail.match(/https?:\/\/[^\s"<>]+\/wachtwoord-instellen#token=[A-Za-z0-9_-]+/);
    assert(match, 'no link in the invitation');
    state.link = match[0];
    assert(state.link.startsWith(BASE_URL), `the link points at ${state.link}`);
  });

  await test('accounts: the colleague sets a password from the link (a public page) and logs in', async () => {
    await page.context().clearCookies();
    await page.goto(state.link);
    await settle(page);
    assert((await heading(page, 'Kies uw wachtwoord')) === 'Kies uw wachtwoord', `heading is "${await heading(page)}"`);
    await checkA11y(page, 'accounts-set-password');
    await page.getByLabel(/^Wachtwoord/).fill(colleague.password);
    await page.getByLabel(/^Herhaal het wachtwoord/).fill(colleague.password);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Uw wachtwoord is opgeslagen' }).waitFor();
    await checkA11y(page, 'accounts-password-set');
    await logInAs(colleague.email, colleague.password);
    assert((await page.getByTestId('user-name').innerText()).includes(colleague.name), 'not logged in as the colleague');
  });

  await test('accounts: two-step login is set up with the QR code, and the next login asks for the code', async () => {
    await page.getByTestId('user-name').getByRole('link').click();
    await page.waitForURL('**/account');
    await settle(page);
    await checkA11y(page, 'accounts-my-account');
    await page.getByRole('link', { name: 'Instellen' }).click();
    await page.waitForURL('**/account/two-factor');
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('img', { name: 'QR-code om in de authenticator-app te scannen' }).waitFor();
    state.secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await checkA11y(page, 'accounts-two-factor-qr');
    await page.getByLabel(/^Code uit de app/).fill(totp(state.secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    const codes = await page.locator('.recovery-codes li').allInnerTexts();
    assert(codes.length === 10, `recovery codes: ${JSON.stringify(codes)}`);
    await checkA11y(page, 'accounts-recovery-codes');
    await logout(page);
    await logInAs(colleague.email, colleague.password, () => totp(state.secret));
    assert((await page.getByTestId('user-name').innerText()).includes(colleague.name), 'not logged in with the code');
    await logout(page);
  });

  await test('accounts: the forgotten-password page answers the same for any address', async () => {
    await page.context().clearCookies();
    await page.goto(`${BASE_URL}/login`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.waitForURL('**/wachtwoord-vergeten');
    await settle(page);
    await checkA11y(page, 'accounts-forgot');
    await page.getByLabel(/^E-mailadres/).fill(`niemand.${stamp}@demo.spil.nl`);
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await page.getByRole('status').filter({ hasText: 'Als er een account met dit e-mailadres is' }).waitFor();
    await checkA11y(page, 'accounts-forgot-sent');
  });
}
