import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoSeriousViolations, messages } from './support.js';

const en = messages('en');
const ar = messages('ar');
const OFFICER = { email: 'officer.diourbel@glocal.test', password: 'glocal-demo-2026' };
const HEADER = 'territory_code,year,population_total,population_female,population_male,foreign_born,emigrants_abroad,source';

/** Signs in through the API: the session cookie then applies to the page's requests too. */
async function signInAs(page: Page, account: { email: string; password: string }) {
  const response = await page.request.post('/api/v1/auth/login', { data: account });
  expect(response.status(), await response.text()).toBe(200);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('an officer browses the network, records a partnership and imports statistics', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, OFFICER);

  // The directory, reached from the header; checked in English and in Arabic.
  await page.goto('/');
  await page.getByRole('navigation', { name: en('nav.label') }).getByRole('link', { name: en('nav.organisations') }).click();
  await expect(heading(page, en('organisations.title'))).toBeVisible();
  await expect(page.getByRole('link', { name: 'CAIM Diourbel', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
  await chooseLanguage(page, 'en', 'ar');
  await expect(heading(page, ar('organisations.title'))).toBeVisible();
  await expect(page.getByRole('link', { name: 'CAIM Diourbel', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
  await chooseLanguage(page, 'ar', 'en');

  // Filters: help desks whose name contains "CAIM".
  await page.getByLabel(en('organisations.directory.type')).selectOption({ label: en('organisations.type.help_desk') });
  await page.getByRole('searchbox', { name: en('organisations.directory.name') }).fill('CAIM');
  await page.getByRole('button', { name: en('organisations.directory.apply') }).click();
  await expect(page).toHaveURL(/type=help_desk.*q=CAIM/);
  const results = page.getByRole('region', { name: en('organisations.directory.results') });
  await expect(results.getByRole('link', { name: 'CAIM Mbacké' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Teranga Transfert' })).toHaveCount(0);

  // One organisation's page: details only, an officer of another organisation sees no staff list.
  await page.getByRole('link', { name: 'CAIM Diourbel', exact: true }).click();
  await expect(heading(page, 'CAIM Diourbel')).toBeVisible();
  await expect(page.getByText(en('organisations.type.help_desk'), { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Agence régionale de développement de Diourbel' })).toBeVisible();
  await expect(page.getByRole('button', { name: en('organisations.members.show') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en('organisations.edit.open') })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // A new partnership: the officer's own authority (offered first) and the Veneto region.
  await page.getByRole('navigation', { name: en('nav.label') }).getByRole('link', { name: en('nav.partnerships') }).click();
  await expect(heading(page, en('partnerships.title'))).toBeVisible();
  await expect(page.getByRole('link', { name: 'Coopération décentralisée Veneto – Diourbel' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('link', { name: en('partnerships.create.link') }).click();
  await expect(heading(page, en('partnerships.create.title'))).toBeVisible();

  const name = `Jumelage Diourbel–Veneto ${Date.now()}`;
  await page.getByLabel(en('partnerships.form.kind')).selectOption({ label: en('partnerships.kind.convention') });
  await page.getByLabel(en('partnerships.form.name'), { exact: true }).fill(name);
  await page.getByLabel(en('partnerships.form.description')).fill('Exchanges between the two regional development agencies.');
  await page.getByLabel(en('partnerships.form.starts_on')).fill('2026-01-01');
  await page.getByLabel(en('partnerships.form.ends_on')).fill('2028-12-31');
  const first = page.getByRole('group', { name: en('partnerships.form.partner_number').replace('{number}', '1') });
  const second = page.getByRole('group', { name: en('partnerships.form.partner_number').replace('{number}', '2') });
  await expect(first.getByRole('combobox', { name: en('partnerships.form.partner_organisation') })).toHaveValue(/.+/);
  await first.getByLabel(en('partnerships.form.partner_role')).fill('coordinates the exchanges');
  await second.getByRole('radio', { name: en('partnerships.partner.territory') }).check();
  await second.getByRole('combobox', { name: en('partnerships.form.partner_territory') }).selectOption({ label: 'Veneto (IT-34)' });
  // Submitting without the second role: the error shows next to that field, nothing is sent.
  await page.getByRole('button', { name: en('partnerships.form.submit') }).click();
  await expect(second.getByText(en('field_errors.required'))).toBeVisible();
  await expectNoSeriousViolations(page);
  await second.getByLabel(en('partnerships.form.partner_role')).fill('partner region in the country of residence');
  await page.getByRole('button', { name: en('partnerships.form.submit') }).click();

  await expect(heading(page, name)).toBeVisible();
  const partners = page.getByRole('table');
  await expect(partners.getByRole('row', { name: /Agence régionale de développement de Diourbel.*coordinates the exchanges/ })).toBeVisible();
  await expect(partners.getByRole('row', { name: /Veneto.*partner region in the country of residence/ })).toBeVisible();
  await expectNoSeriousViolations(page);

  // Statistics of the Diourbel region, reached from the territories page.
  await page.getByRole('navigation', { name: en('nav.label') }).getByRole('link', { name: en('nav.territories') }).click();
  await page.getByRole('link', { name: en('territories.item.statistics_label').replace('{name}', 'Diourbel').replace('{code}', 'SN-DB') }).click();
  await expect(heading(page, en('statistics.title').replace('{territory}', 'Diourbel'))).toBeVisible();
  const figures = page.getByRole('table', { name: en('statistics.table.caption') });
  await expect(figures.getByRole('row', { name: /2023/ })).toBeVisible();

  // A file with a mistake: nothing is imported, the bad cell is listed by line and column.
  const csv = page.getByLabel(en('statistics.import.text'));
  await csv.fill([HEADER, 'SN-DB,2025,2100000,1080000,1020000,22000,99000,ANSD 2025', 'SN-DB,25,10,,,,,ANSD'].join('\n'));
  await page.getByRole('button', { name: en('statistics.import.submit') }).click();
  await expect(page.getByRole('alert')).toHaveText(en('errors.territory.statistics_invalid'));
  const problems = page.getByRole('table', { name: /problem/ });
  await expect(problems.getByRole('row', { name: /3.*year/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /2025/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // Corrected: the new year appears in the table.
  await csv.fill([HEADER, 'SN-DB,2025,2100000,1080000,1020000,22000,99000,ANSD 2025'].join('\n'));
  await page.getByRole('button', { name: en('statistics.import.submit') }).click();
  await expect(page.getByRole('status').filter({ hasText: /imported/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /2025.*2,100,000.*ANSD 2025/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});
