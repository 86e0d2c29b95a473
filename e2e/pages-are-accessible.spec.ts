import type { Locale } from '@glocal/contracts';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

interface AuditedPage {
  path: string;
  /** Message id of the page's heading. */
  heading: string;
  /** Message id of text that shows once data has loaded, for pages that fetch. */
  loadedText?: string;
}

const PAGES: AuditedPage[] = [
  { path: '/', heading: 'home.title' },
  { path: '/territories', heading: 'territories.title', loadedText: 'territories.level.country' },
  { path: '/no/such/page', heading: 'not_found.title' },
];

// Every page once its content is in, in a left-to-right and in a right-to-left language.
for (const locale of ['en', 'ar'] satisfies Locale[]) {
  for (const { path, heading, loadedText } of PAGES) {
    test(`${path} in ${locale} has no serious or critical WCAG 2.2 AA violation`, async ({ page }) => {
      const catalogue = messages(locale);
      await openIn(page, locale, path);
      await expect(page.getByRole('heading', { level: 1, name: catalogue(heading) })).toBeVisible();
      if (loadedText) await expect(page.getByText(catalogue(loadedText)).first()).toBeVisible();

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
