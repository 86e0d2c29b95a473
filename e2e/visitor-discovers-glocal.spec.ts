import { expect, test } from '@playwright/test';
import { messages } from './support.js';

const en = messages('en');

test('a visitor learns what Glocal does and finds the API documentation', async ({ page }) => {
  await page.goto('/');

  await expect(page).toHaveTitle(`${en('home.title')} · Glocal`);
  await expect(page.getByRole('heading', { level: 1, name: en('home.title') })).toBeVisible();
  await expect(page.getByText(en('home.intro'))).toBeVisible();

  const capabilities = page.getByRole('region', { name: en('home.capabilities.title') });
  await expect(capabilities.getByRole('heading', { level: 3 })).toHaveCount(8);
  for (const capability of ['cases', 'directory', 'remittances', 'jobs', 'projects', 'knowledge', 'forums', 'indicators']) {
    await expect(capabilities.getByRole('heading', { name: en(`home.capability.${capability}.title`) })).toBeVisible();
  }

  await page
    .getByRole('navigation', { name: en('nav.label') })
    .getByRole('link', { name: en('nav.api_docs') })
    .click();

  // The interactive OpenAPI documentation, titled after the API. Swagger UI is a large
  // script that renders after fetching the spec, hence the longer wait.
  await expect(page).toHaveURL(/\/api\/docs/);
  await expect(page.getByRole('heading', { name: /Glocal API/ })).toBeVisible({ timeout: 15_000 });
});

test('the territories link on the home page leads to the territories', async ({ page }) => {
  await page.goto('/');

  await page.getByRole('link', { name: en('home.explore.territories') }).click();

  await expect(page).toHaveURL('/territories');
  await expect(page.getByRole('heading', { level: 1, name: en('territories.title') })).toBeVisible();
  // After a client-side navigation, focus moves to the new page's content, as after a page load.
  await expect(page.getByRole('main')).toBeFocused();
});
