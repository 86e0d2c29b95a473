import type { Locale } from '@glocal/contracts';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

const en = messages('en');

/** Every demo account (seeded with SEED_DEMO=true), with the name it signs in as. */
const DEMO_ACCOUNTS = [
  { email: 'admin@glocal.test', name: 'Awa Admin' },
  { email: 'officer.diourbel@glocal.test', name: 'Ousmane Ndiaye' },
  { email: 'manager.diourbel@glocal.test', name: 'Fatou Diop' },
  { email: 'coach.diourbel@glocal.test', name: 'Mamadou Fall' },
  { email: 'coach.brussels@glocal.test', name: 'Claire Dubois' },
  { email: 'coach.veneto@glocal.test', name: 'Giulia Rossi' },
  { email: 'mfi.diourbel@glocal.test', name: 'Ibrahima Sarr' },
  { email: 'dpo@glocal.test', name: 'Nadia Benali' },
];
const DEMO_PASSWORD = 'glocal-demo-2026';

async function signIn(page: Page, email: string, password: string, catalogue = en) {
  await page.getByLabel(catalogue('auth.field.email')).fill(email);
  await page.getByLabel(catalogue('auth.field.password')).fill(password);
  await page.getByRole('button', { name: catalogue('auth.sign_in.submit') }).click();
}

test.describe('a staff member signs in', () => {
  for (const { email, name } of DEMO_ACCOUNTS) {
    test(`${email} signs in and sees their name`, async ({ page }) => {
      await page.goto('/');
      const header = page.getByRole('banner');
      await header.getByRole('link', { name: en('auth.menu.sign_in') }).click();
      await expect(page.getByRole('heading', { level: 1, name: en('auth.sign_in.title') })).toBeVisible();

      await signIn(page, email, DEMO_PASSWORD);

      await expect(header.getByRole('link', { name: new RegExp(name) })).toBeVisible();
      await expect(page).toHaveURL('/');
      // The session survives a reload: it is the server's cookie, not the page's memory.
      await page.reload();
      await expect(header.getByRole('link', { name: new RegExp(name) })).toBeVisible();
    });
  }

  test('with a wrong password, is told the e-mail or password is not recognised', async ({ page }) => {
    // One failed attempt only: the server locks an address out after ten in fifteen minutes.
    await page.goto('/sign-in');

    await signIn(page, 'coach.brussels@glocal.test', 'not-the-password');

    await expect(page.getByRole('alert')).toHaveText(en('errors.auth.invalid_credentials'));
    await expect(page.getByRole('heading', { level: 1, name: en('auth.sign_in.title') })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: en('auth.menu.sign_in') })).toBeVisible();
  });

  test('signs out, and private pages then ask to sign in again', async ({ page }) => {
    await page.goto('/sign-in?next=%2Faccount');
    await signIn(page, 'officer.diourbel@glocal.test', DEMO_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: en('account.title') })).toBeVisible();
    const header = page.getByRole('banner');

    await header.getByRole('button', { name: en('auth.menu.sign_out') }).click();

    await expect(header.getByRole('link', { name: en('auth.menu.sign_in') })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: en('auth.sign_in.title') })).toBeVisible();
    await expect(page).toHaveURL('/sign-in?next=%2Faccount');
  });
});

for (const locale of ['en', 'ar'] satisfies Locale[]) {
  test.describe(`in ${locale}`, () => {
    const catalogue = messages(locale);

    test(`/sign-in has no serious or critical WCAG 2.2 AA violation`, async ({ page }) => {
      await openIn(page, locale, '/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: catalogue('auth.sign_in.title') })).toBeVisible();

      await expectNoSeriousViolations(page);
    });

    test(`/account has no serious or critical WCAG 2.2 AA violation`, async ({ page }) => {
      await openIn(page, locale, '/sign-in?next=%2Faccount');
      // An organisation administrator: the page shows every section, API tokens included.
      await signIn(page, 'manager.diourbel@glocal.test', DEMO_PASSWORD, catalogue);
      await expect(page.getByRole('heading', { level: 1, name: catalogue('account.title') })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: catalogue('account.api_tokens.title') })).toBeVisible();
      await expect(page.getByText(catalogue('account.api_tokens.empty'))).toBeVisible();

      await expectNoSeriousViolations(page);
    });
  });
}
