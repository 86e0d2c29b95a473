import { expect, test, type Locator, type Page } from '@playwright/test';
import { messages, openIn } from './support.js';

/** The nested list under a territory: it is named after that territory. */
const listUnder = (scope: Page | Locator, name: string) => scope.getByRole('list', { name, exact: true });

/** The names listed directly in a list (each name carries its language in a `lang` attribute). */
const namesIn = (list: Locator) => list.locator(':scope > li > span > [lang]').allTextContents();

test('the seeded corridors appear as a tree, from countries down to departments', async ({ page }) => {
  await page.goto('/territories');
  const en = messages('en');
  await expect(page.getByRole('heading', { level: 1, name: en('territories.title') })).toBeVisible();

  const senegal = listUnder(page, 'Senegal');
  await expect(senegal).toBeVisible();
  expect(await namesIn(senegal)).toEqual(['Diourbel']);
  await expect(senegal.getByText(`${en('territories.level.region')} · code SN-DB`, { exact: true })).toBeVisible();

  const diourbel = listUnder(senegal, 'Diourbel');
  expect((await namesIn(diourbel)).sort()).toEqual(['Bambey', 'Diourbel', 'Mbacké']);
  await expect(diourbel.getByText(en('territories.level.department'), { exact: false })).toHaveCount(3);

  expect(await namesIn(listUnder(page, 'Italy'))).toEqual(['Veneto']);
  expect(await namesIn(listUnder(page, 'Belgium'))).toEqual([expect.stringMatching(/Brussels-Capital/)]);
});

test('territory names follow the interface language', async ({ page }) => {
  await openIn(page, 'fr', '/territories');
  const fr = messages('fr');

  await expect(page.getByRole('heading', { level: 1, name: fr('territories.title') })).toBeVisible();
  for (const country of ['Sénégal', 'Italie', 'Belgique']) {
    await expect(listUnder(page, country)).toBeVisible();
  }
  expect(await namesIn(listUnder(page, 'Belgique'))).toEqual([expect.stringMatching(/Bruxelles-Capitale/)]);
  await expect(listUnder(page, 'Sénégal').getByText(`${fr('territories.level.region')} · code SN-DB`)).toBeVisible();
});
