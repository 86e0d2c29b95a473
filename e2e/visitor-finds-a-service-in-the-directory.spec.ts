import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

test('a visitor searches the directory in French, filters by kind and territory, opens the map and a service page', async ({ page }) => {
  const fr = messages('fr');
  await openIn(page, 'fr', '/');
  await page.getByRole('navigation', { name: fr('nav.label') }).getByRole('link', { name: fr('directory.nav') }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr('directory.title') })).toBeVisible();

  // Without its accent and with the plural: French stemming and unaccent find "microcrédit".
  await page.getByRole('searchbox', { name: fr('directory.filters.q') }).fill('microcredits');
  await page.getByRole('button', { name: fr('directory.filters.apply') }).click();
  const results = page.locator('section.directory__results');
  await expect(results.getByRole('link', { name: /Microcrédit/ }).first()).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('searchbox', { name: fr('directory.filters.q') }).fill('');
  await page.getByRole('combobox', { name: fr('directory.filters.taxonomy') }).selectOption({ label: 'Crédit et microcrédit' });
  await page.getByRole('combobox', { name: fr('directory.filters.territory') }).selectOption({ label: 'Diourbel (SN-DB)' });
  await page.getByRole('button', { name: fr('directory.filters.apply') }).click();
  await expect(page).toHaveURL(/taxonomyTermId=.*territoryId=/);
  // The previous results stay while the new ones load: wait for the list to settle.
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(results.getByRole('link', { name: /Bruxelles|Padova/ })).toHaveCount(0);
  const links = results.getByRole('link');
  await expect(links.first()).toBeVisible();
  const names = await links.allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((name) => /crédit/i.test(name))).toBe(true);
  expect(names.some((name) => name.includes('Bruxelles') || name.includes('Padova'))).toBe(false);

  await page.getByRole('button', { name: fr('directory.map.show') }).click();
  const map = page.getByTestId('service-map');
  await expect(map).toBeVisible();
  await expect(map.locator('canvas').first()).toBeVisible();
  expect(Number(await map.getAttribute('data-points'))).toBeGreaterThan(0);
  // Zoomed on the territory's services, the offline base layer shows its regions, not only countries.
  await expect(map).toHaveAttribute('data-base-shapes', 'regions');
  await expect(page.getByRole('button', { name: fr('directory.map.hide') })).toHaveAttribute('aria-expanded', 'true');

  const first = names[0]!;
  await links.first().click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  for (const section of ['directory.service.what', 'directory.service.who', 'directory.service.apply', 'directory.service.documents', 'directory.service.hours', 'directory.service.languages', 'directory.service.cost', 'directory.service.where', 'directory.service.contact']) {
    await expect(page.getByRole('heading', { level: 2, name: fr(section) })).toBeVisible();
  }
  await expect(page.getByText(/Dernière vérification|Jamais vérifié/).first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('a visitor searches the directory in Arabic, right to left', async ({ page }) => {
  const ar = messages('ar');
  await openIn(page, 'ar', '/directory');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar('directory.title') })).toBeVisible();
  await page.getByRole('searchbox', { name: ar('directory.filters.q') }).fill('تحويل الأموال');
  await page.getByRole('button', { name: ar('directory.filters.apply') }).click();
  const results = page.locator('section.directory__results');
  await expect(results.getByRole('link').first()).toBeVisible();
  // Each result carries the money-transfer term, named in Arabic.
  await expect(results.locator('.tag', { hasText: 'تحويل الأموال' }).first()).toBeVisible();
  // Right to left for real: the search box starts at the right-hand side.
  const box = await page.getByRole('searchbox', { name: ar('directory.filters.q') }).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x + box.width > viewport.width / 2).toBe(true);
  await expectNoSeriousViolations(page);
});
