import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages, signInAsStaff } from './support.js';

const en = messages('en');
// A shared 2-core machine: pages loaded on demand may take longer than the default 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });
/** Partner staff of the Mutuelle du Baol, the demo's mutual bank, which is also a remittance provider. */
const PROVIDER_STAFF = 'mfi.diourbel@glocal.test';
const today = () => new Date().toISOString().slice(0, 10);
/** A message with its `{name}` arguments filled in (plain arguments only). */
const fill = (id: string, values: Record<string, string>) => Object.entries(values).reduce((text, [name, value]) => text.replace(`{${name}}`, value), en(id));

/** Partner staff have no case work: their menu shows their prices once signed in. */
async function signInAsProviderStaff(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel(en('auth.field.email')).fill(PROVIDER_STAFF);
  await page.getByLabel(en('auth.field.password')).fill('glocal-demo-2026');
  await page.getByRole('button', { name: en('auth.sign_in.submit') }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: en('nav.remittance_provider') })).toBeVisible();
}

test('a provider’s staff read how old their prices are, report a new one (a future date refused next to its field) and see it listed and compared', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsProviderStaff(page);
  await page.getByRole('banner').getByRole('link', { name: en('nav.remittance_provider') }).click();
  await expect(page.getByRole('heading', { level: 1, name: en('remittances.provider.title') })).toBeVisible();

  // The demo's price of the mutual's service, observed ten days ago: current, in the rankings.
  const member = page.getByRole('table', { name: fill('remittances.provider.prices_caption', { product: 'Transfer to a member account' }) });
  const italy = member.locator('tr', { hasText: 'Italy → Senegal' });
  await expect(italy).toContainText('10 days ago');
  await expect(italy).toContainText(en('remittances.provider.status_current'));
  await expect(member.locator('tr', { hasText: 'France → Mali' })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // A price in a corridor the service was not offered in yet.
  await page.getByLabel(en('remittances.price.product'), { exact: true }).selectOption({ label: 'Transfer to a member account' });
  await page.getByLabel(en('remittances.fields.from')).selectOption('FR');
  await page.getByLabel(en('remittances.fields.to')).selectOption('ML');
  await expect(page.getByLabel(en('remittances.fields.sending_currency'))).toHaveValue('EUR');
  await expect(page.getByLabel(en('remittances.fields.receiving_currency'))).toHaveValue('XOF');
  await page.getByLabel(en('remittances.fee.fixed')).fill('2');
  await page.getByLabel(en('remittances.fee.percent')).fill('0,4');
  await page.getByLabel(en('remittances.price.rate_offered'), { exact: true }).fill('651.2');
  await page.getByLabel(en('remittances.price.interbank_rate')).fill('655.957');
  const observedOn = page.getByLabel(en('remittances.price.observed_on'));
  await expect(observedOn).toHaveValue(today());

  // The server refuses a price from the future: said next to the date.
  await observedOn.fill('2099-01-01');
  await page.getByRole('button', { name: en('remittances.price.submit') }).click();
  await expect(observedOn).toHaveAccessibleDescription(en('remittances.fields.date_in_future'));
  await expect(page.getByRole('alert')).toContainText('One field needs your attention');

  await observedOn.fill(today());
  await page.getByRole('button', { name: en('remittances.price.submit') }).click();
  await expect(page.getByRole('status')).toContainText('Price of Transfer to a member account from France to Mali reported');
  const france = member.locator('tr', { hasText: 'France → Mali' });
  await expect(france).toContainText('EUR 2 + 0.4 %');
  await expect(france).toContainText('651.2');
  await expect(france).toContainText('today');
  await expect(france).toContainText(en('remittances.provider.status_current'));
  await expect(observedOn).not.toHaveAttribute('aria-invalid');

  // Families comparing France → Mali now see it.
  await page.goto('/send-money?from=FR&to=ML&amount=300&currency=EUR');
  await expect(page.locator('.quote-card', { hasText: 'Mutuelle d’épargne et de crédit du Baol' }).first()).toContainText('Transfer to a member account');
});

test('a provider’s staff link their service to its pickup points in the services directory, which families then see beside it', async ({ page }) => {
  test.setTimeout(120_000);
  const product = 'Transfer to a member account';
  await signInAsProviderStaff(page);
  await page.getByRole('banner').getByRole('link', { name: en('nav.remittance_provider') }).click();
  await page.getByRole('button', { name: `Change ${product}` }).click();
  const form = page.getByRole('form', { name: `Change “${product}”` });

  // The demo links the mutual's four branches; their names come from the directory.
  const linked = form.getByRole('list', { name: en('remittances.pickup_points.linked') });
  await expect(linked.getByRole('listitem')).toHaveCount(4);
  await expect(linked).toContainText('Diaspora savings – Bambey');

  // One more: the mutual's returnee micro-credit desk in Bambey, found by words in the directory.
  const search = form.getByLabel(en('remittances.pickup_points.search'));
  await search.fill('micro-credit Bambey');
  await search.press('Enter');
  const found = form.getByRole('list', { name: en('remittances.pickup_points.results') });
  await found.getByRole('button', { name: fill('remittances.pickup_points.add', { name: 'Returnee micro-credit – Bambey' }) }).click();
  await linked.getByRole('button', { name: fill('remittances.pickup_points.remove', { name: 'Diaspora savings – Touba' }) }).click();
  await expect(linked.getByRole('listitem')).toHaveCount(4);
  await expectNoSeriousViolations(page);
  await form.getByRole('button', { name: en('remittances.product.save') }).click();
  await expect(form).toHaveCount(0);

  await page.goto('/send-money?from=IT&to=SN&amount=300&currency=EUR');
  const card = page.locator('.quote-card', { hasText: product });
  await expect(card.getByRole('link', { name: 'Returnee micro-credit – Bambey' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Diaspora savings – Touba' })).toHaveCount(0);
});

test('desk staff record a beneficiary’s transfer (a fee above the amount refused next to its field), see it listed and reach the savings report', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, 'coach.diourbel@glocal.test');
  await page.getByRole('banner').getByRole('link', { name: en('nav.remittance_transfers') }).click();
  await expect(page.getByRole('heading', { level: 1, name: en('remittances.transfers.page_title') })).toBeVisible();
  const list = page.getByRole('table', { name: /transfers recorded by CAIM Diourbel$/ });
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  const before = await list.getByRole('row').count();

  const reference = `E2E-${Date.now()}`;
  await page.getByLabel(en('remittances.transfer.provider'), { exact: true }).selectOption({ label: 'Kora Pay' });
  await page.getByLabel(en('remittances.transfer.product')).selectOption({ label: 'App to mobile wallet' });
  await page.getByLabel(en('remittances.fields.from')).selectOption('IT');
  await page.getByLabel(en('remittances.fields.to')).selectOption('SN');
  await page.getByLabel(en('remittances.transfer.amount_sent')).fill('180');
  const fee = page.getByLabel(en('remittances.transfer.fee_paid'));
  await fee.fill('300');
  await page.getByLabel(en('remittances.transfer.rate_applied')).fill('650.053');
  await page.getByLabel(en('remittances.transfer.reference')).fill(reference);
  await expect(page.getByLabel(en('remittances.transfer.transferred_on'))).toHaveValue(today());

  await page.getByRole('button', { name: en('remittances.transfer.submit') }).click();
  await expect(fee).toHaveAccessibleDescription(new RegExp(`${en('remittances.transfer.fee_exceeds_amount')}$`));
  await expect(list.locator('tr', { hasText: reference })).toHaveCount(0);

  await fee.fill('0.99');
  await page.getByRole('button', { name: en('remittances.transfer.submit') }).click();
  await expect(page.getByRole('status')).toContainText(/Transfer of EUR.180 with Kora Pay on .+ recorded\./);
  const row = list.locator('tr', { hasText: reference });
  await expect(row).toContainText('Italy → Senegal');
  await expect(row).toContainText('Kora Pay (App to mobile wallet)');
  await expect(row).toContainText(/EUR.180/);
  await expect(row).toContainText(/EUR.0\.99/);
  await expect(list.getByRole('row')).toHaveCount(before + 1);
  await expectNoSeriousViolations(page);

  await page.getByRole('link', { name: en('remittances.transfers.savings_link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: en('remittances.reports.title') })).toBeVisible();
  await expect(page.getByRole('table', { name: en('remittances.savings.caption') })).toContainText('CAIM Diourbel');
  // The corridor report breaks the average down by kind of provider for each of the demo's quarters.
  const byType = page.getByRole('table', { name: en('remittances.report.by_type_caption') });
  await expect(byType.getByRole('columnheader', { name: /^Q[1-4] \d{4}$/ })).not.toHaveCount(0);
  expect(await byType.getByRole('columnheader', { name: /^Q[1-4] \d{4}$/ }).count()).toBeGreaterThan(1);
  await expect(byType.getByRole('rowheader', { name: en('remittances.provider_type.bank') })).toBeVisible();
});
