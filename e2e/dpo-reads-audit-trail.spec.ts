import { expect, request, test, type Page } from '@playwright/test';
import { chooseLanguage, expectNoSeriousViolations, messages } from './support.js';

const en = messages('en');
const ar = messages('ar');
const PASSWORD = 'glocal-demo-2026';
const OFFICER = 'officer.diourbel@glocal.test';
const HEADER = 'territory_code,year,population_total,population_female,population_male,foreign_born,emigrants_abroad,source';

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

let officerId = '';

test.beforeAll(async ({ baseURL }) => {
  // The officer's own session, apart from the DPO's: signs in, imports figures, and tries to read
  // the staff of a desk that is not theirs (refused). All of it lands in the audit trail.
  const officer = await request.newContext({ baseURL });
  const login = await officer.post('/api/v1/auth/login', { data: { email: OFFICER, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const me = (await login.json()) as { id: string; csrfToken: string };
  officerId = me.id;
  const imported = await officer.post('/api/v1/territories/statistics/import', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
    data: [HEADER, 'SN-DB,2022,1990000,1020000,970000,20000,94000,ANSD 2022'].join('\n'),
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const organisations = (await (await officer.get('/api/v1/organisations?q=CAIM%20Diourbel')).json()) as { items: { id: string }[] };
  const refused = await officer.get(`/api/v1/organisations/${organisations.items[0]!.id}/members`);
  expect(refused.status()).toBe(404);
  await officer.dispose();
});

test('the DPO reads the audit trail: the officer’s actions and sign-ins, filtered, with the chain intact', async ({ page }) => {
  test.setTimeout(120_000);
  const login = await page.request.post('/api/v1/auth/login', { data: { email: 'dpo@glocal.test', password: PASSWORD } });
  expect(login.status()).toBe(200);

  await page.goto('/');
  await page.getByRole('navigation', { name: en('nav.label') }).getByRole('link', { name: en('nav.audit') }).click();
  await expect(heading(page, en('audit.title'))).toBeVisible();

  // Integrity first: the server recomputes the hash chain.
  await expect(page.getByRole('status').filter({ hasText: /^Chain intact: \d+ entr/ })).toBeVisible();

  // The officer's import and refused read, under their name; their sign-in, about their account.
  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  const officerRows = rows.filter({ hasText: OFFICER });
  await expect(officerRows.filter({ hasText: 'territory_statistics.imported' }).first()).toBeVisible();
  await expect(officerRows.filter({ hasText: 'access.denied' }).filter({ hasText: en('audit.outcome.denied') }).first()).toBeVisible();
  const officerSignIns = rows.filter({ hasText: 'auth.signed_in' }).filter({ hasText: `user ${officerId}` });
  await expect(officerSignIns.first()).toBeVisible();
  await expectNoSeriousViolations(page);

  // Only sign-ins.
  await page.getByRole('combobox', { name: en('audit.filters.action') }).fill('auth.signed_in');
  await page.getByRole('button', { name: en('audit.filters.apply') }).click();
  await expect(page).toHaveURL(/\/audit\?action=auth\.signed_in$/);
  await expect(rows.filter({ hasText: 'territory_statistics.imported' })).toHaveCount(0);
  // The table keeps the previous answer on screen until the new one arrives: poll until it has.
  const actionsShown = () => table.locator('tbody tr td:nth-child(3) code').allTextContents();
  await expect.poll(async () => [...new Set(await actionsShown())]).toEqual(['auth.signed_in']);
  expect((await actionsShown()).length).toBeGreaterThanOrEqual(2);

  // Then only the officer's, by following their account in the subject column; the details say who.
  await officerSignIns.first().getByRole('link', { name: new RegExp(`user ${officerId}`) }).click();
  await expect(page).toHaveURL(new RegExp(`subjectType=user&subjectId=${officerId}&action=auth\\.signed_in`));
  await expect
    .poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(5) code').allTextContents())])
    .toEqual([`user ${officerId}`]);
  const details = rows.nth(1).getByRole('group');
  await details.locator('summary').click();
  await expect(details.getByText(OFFICER)).toBeVisible();

  // The CSV export has the same filters.
  const href = await page.getByRole('link', { name: en('audit.export') }).getAttribute('href');
  expect(href).toBe(`/api/v1/audit-events/export.csv?subjectType=user&subjectId=${officerId}&action=auth.signed_in`);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toMatch(/^seq,occurredAt,actorUserId,actorLabel,action,outcome/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines.slice(1).every((line) => line.includes('auth.signed_in') && line.includes(officerId))).toBe(true);
  await expectNoSeriousViolations(page);

  // The same page in Arabic, right to left.
  await chooseLanguage(page, 'en', 'ar');
  await expect(heading(page, ar('audit.title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(rows.filter({ hasText: `user ${officerId}` }).first()).toBeVisible();
  await expectNoSeriousViolations(page);

  // The DPO reads the directory too, in Arabic.
  await page.getByRole('navigation', { name: ar('nav.label') }).getByRole('link', { name: ar('nav.organisations') }).click();
  await expect(heading(page, ar('organisations.title'))).toBeVisible();
  await expect(page.getByRole('link', { name: 'CAIM Diourbel', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('staff without the DPO role are not shown the audit trail', async ({ page }) => {
  const login = await page.request.post('/api/v1/auth/login', { data: { email: OFFICER, password: PASSWORD } });
  expect(login.status()).toBe(200);

  await page.goto('/audit');

  await expect(heading(page, en('permission_required.title'))).toBeVisible();
  await expect(page.getByRole('navigation', { name: en('nav.label') }).getByRole('link', { name: en('nav.audit') })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});
