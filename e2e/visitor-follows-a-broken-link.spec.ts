import { expect, test } from '@playwright/test';
import { messages } from './support.js';

test('an unknown address shows the "page not found" page, with a way back home', async ({ page }) => {
  const en = messages('en');
  await page.goto('/no/such/page');

  await expect(page.getByRole('heading', { level: 1, name: en('not_found.title') })).toBeVisible();
  await expect(page).toHaveTitle(`${en('not_found.title')} · Glocal`);

  await page.getByRole('main').getByRole('link', { name: en('common.back_home') }).click();

  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: en('home.title') })).toBeVisible();
});
