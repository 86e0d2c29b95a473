import type { Locale } from '@glocal/contracts';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

// Each page once its content is in, in a left-to-right and a right-to-left language.
const PAGES = [
  { path: '/', readyHeading: 'home.title' },
  { path: '/territories', readyHeading: 'territories.title', readyText: 'territories.level.country' },
  { path: '/no/such/page', readyHeading: 'not_found.title' },
] as const;

for (const locale of ['en', 'ar'] as const satisfies readonly Locale[]) {
  for (const { path, readyHeading, ...rest } of PAGES) {
    test(`${path} in ${locale} has no serious or critical WCAG 2.2 AA violation`, async ({ page }) => {
      const catalogue = messages(locale);
      await openIn(page, locale, path);
      await expect(page.getByRole('heading', { level: 1, name: catalogue(readyHeading) })).toBeVisible();
      if ('readyText' in rest) await expect(page.getByText(catalogue(rest.readyText)).first()).toBeVisible();

      await expectNoSeriousViolations(page);
    });
  }
}

test('a keyboard user can skip the header straight to the page content', async ({ page }) => {
  const en = messages('en');
  await page.goto('/territories');
  await expect(page.getByRole('heading', { level: 1, name: en('territories.title') })).toBeVisible();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: en('app.skip_to_content') });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});
