import { expect, test, type Page } from '@playwright/test';
import { TOTP, URI } from 'otpauth';
import { messages } from './support.js';

const en = messages('en');
// Two-step sign-in is turned on, then off again, for this demo account (see playwright.config.ts).
const ACCOUNT = { email: 'coach.veneto@glocal.test', name: 'Giulia Rossi', password: 'glocal-demo-2026' };
const PERIOD_MS = 30_000;

async function signInWithPassword(page: Page) {
  await page.getByLabel(en('auth.field.email')).fill(ACCOUNT.email);
  await page.getByLabel(en('auth.field.password')).fill(ACCOUNT.password);
  await page.getByRole('button', { name: en('auth.sign_in.submit') }).click();
}

/** Each code signs in once: waits for the authenticator app's next code after the one used last. */
async function nextCode(totp: TOTP, after: number): Promise<{ code: string; counter: number }> {
  while (totp.counter() <= after) {
    await new Promise((resolve) => setTimeout(resolve, PERIOD_MS - (Date.now() % PERIOD_MS) + 250));
  }
  return { code: totp.generate(), counter: totp.counter() };
}

test('a person turns on two-step sign-in, then signs in with a code from their app', async ({ page }) => {
  // Up to two 30-second waits for a fresh code.
  test.setTimeout(120_000);
  const header = page.getByRole('banner');

  // Sign in, and open the account page.
  await page.goto('/sign-in');
  await signInWithPassword(page);
  await header.getByRole('link', { name: new RegExp(ACCOUNT.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: en('account.title') })).toBeVisible();
  await expect(page.getByText(ACCOUNT.email)).toBeVisible();
  await expect(page.getByText(en('account.two_factor.off'))).toBeVisible();

  // Set up: the app gets the secret from the setup link shown on the page.
  await page.getByRole('button', { name: en('account.two_factor.set_up') }).click();
  await expect(page.getByRole('heading', { level: 3, name: en('account.two_factor.setup.title') })).toBeFocused();
  const uri = await page.getByText(/^otpauth:\/\/totp\//).textContent();
  const totp = URI.parse(uri ?? '');
  if (!(totp instanceof TOTP)) throw new Error(`not a TOTP setup link: ${uri}`);
  const secretShown = (await page.getByTestId('mfa-secret').textContent())?.replaceAll(' ', '');
  expect(secretShown).toBe(totp.secret.base32);

  const first = await nextCode(totp, -1);
  await page.getByLabel(en('account.two_factor.setup.code')).fill(first.code);
  await page.getByRole('button', { name: en('account.two_factor.setup.submit') }).click();

  // The recovery codes, shown once; "Done" needs the acknowledgement.
  await expect(page.getByRole('heading', { level: 3, name: en('account.two_factor.recovery.title') })).toBeFocused();
  await expect(page.getByRole('list', { name: en('account.two_factor.recovery.list') }).getByRole('listitem')).not.toHaveCount(0);
  await page.getByRole('button', { name: en('account.two_factor.recovery.done') }).click();
  await expect(page.getByText(en('account.two_factor.recovery.saved_required'))).toBeVisible();
  await page.getByLabel(en('account.two_factor.recovery.saved')).check();
  await page.getByRole('button', { name: en('account.two_factor.recovery.done') }).click();
  await expect(page.getByText(en('account.two_factor.on'))).toBeVisible();

  // Sign out, then in again: the password is no longer enough.
  await header.getByRole('button', { name: en('auth.menu.sign_out') }).click();
  await expect(header.getByRole('link', { name: en('auth.menu.sign_in') })).toBeVisible();
  await page.goto('/sign-in?next=%2Faccount');
  await signInWithPassword(page);
  await expect(page.getByRole('heading', { level: 2, name: en('auth.sign_in.code.title') })).toBeFocused();

  const second = await nextCode(totp, first.counter);
  await page.getByLabel(en('auth.field.code')).fill(second.code);
  await page.getByRole('button', { name: en('auth.sign_in.code.submit') }).click();

  await expect(page.getByRole('heading', { level: 1, name: en('account.title') })).toBeVisible();
  await expect(header.getByRole('link', { name: new RegExp(ACCOUNT.name) })).toBeVisible();
  await expect(page.getByText(en('account.two_factor.on'))).toBeVisible();

  // Turn it off again with the password, leaving the demo account as it was.
  await page.getByRole('button', { name: en('account.two_factor.turn_off') }).click();
  await page.getByLabel(en('account.two_factor.disable.password')).fill(ACCOUNT.password);
  await page.getByRole('button', { name: en('account.two_factor.disable.submit'), exact: true }).click();
  await expect(page.getByText(en('account.two_factor.off'))).toBeVisible();
});
