import type { Locale } from '@glocal/contracts';
import { expect, test } from '@playwright/test';
import { chooseLanguage, messages } from './support.js';

test('a visitor switches the interface through French, Spanish, Italian and Arabic', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  let current: Locale = 'en';
  for (const next of ['fr', 'es', 'it'] as const) {
    await chooseLanguage(page, current, next);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: messages(next)('home.title') })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: messages(next)('nav.label') });
    await expect(navigation.getByRole('link', { name: messages(next)('nav.territories') })).toBeVisible();
    current = next;
  }

  await chooseLanguage(page, current, 'ar');
  const ar = messages('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar('home.title') })).toBeVisible();
  await expect(page).toHaveTitle(`${ar('home.title')} · Glocal`);

  // Right to left for real: the header's brand now sits on the right-hand side.
  const brand = await page.getByRole('link', { name: ar('app.name') }).boundingBox();
  const viewport = page.viewportSize();
  expect(brand && viewport && brand.x > viewport.width / 2).toBe(true);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar('home.title') })).toBeVisible();
  await expect(page.getByRole('combobox', { name: ar('language.label') })).toHaveValue('ar');
});
