import { createHash } from 'node:crypto';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages } from './support.js';

const en = messages('en');
// A shared 2-core machine: pages loaded on demand may take longer than the default 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });
/** Partner staff of the Mutuelle du Baol, which owns services of the demo directory. */
const PARTNER = 'mfi.diourbel@glocal.test';

/** The demo directory's name-based ids, as apps/server/src/modules/directory/directory.demo.ts mints them. */
function demoId(name: string): string {
  const hash = createHash('sha1').update(`glocal-demo-directory:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const OWN_SERVICE = demoId('service:mutual:insurance:Diourbel'); // the mutual's "Health micro-insurance – Diourbel"
const OTHER_SERVICE = demoId('service:teranga:transfer:Diourbel'); // Teranga Transfert's "Money transfer to Senegal – Diourbel"

/** Signs the partner in through the sign-in page; partner staff have no case work, so their menu shows organisations. */
async function signInAsPartner(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel(en('auth.field.email')).fill(PARTNER);
  await page.getByLabel(en('auth.field.password')).fill('glocal-demo-2026');
  await page.getByRole('button', { name: en('auth.sign_in.submit') }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: en('nav.organisations') })).toBeVisible();
}

test('a partner edits their organisation’s service and reads the new description on its page; another organisation’s service has no edit page for them', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsPartner(page);

  // From the service page, the edit page (the API says this reader may edit the entry).
  await page.goto(`/directory/services/${OWN_SERVICE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Health micro-insurance – Diourbel' })).toBeVisible();
  await page.getByRole('link', { name: en('directory.edit.link') }).click();
  await expect(page).toHaveURL(new RegExp(`/directory/services/${OWN_SERVICE}/edit$`));
  const description = page.getByRole('textbox', { name: en('directory.service.what') });
  await expect(description).toHaveValue('Basic health cover for the family, premium payable from abroad.');
  await expectNoSeriousViolations(page);

  // An empty name is refused next to its field, and nothing is saved.
  const name = page.getByRole('textbox', { name: en('directory.edit.name') });
  await name.fill(' ');
  await page.getByRole('button', { name: en('directory.edit.submit') }).click();
  await expect(name).toHaveAccessibleDescription(en('field_errors.required'));
  await name.fill('Health micro-insurance – Diourbel');

  const written = 'Basic health cover for the whole family, from 3,500 CFA francs a month, payable from abroad by a transfer.';
  await description.fill(written);
  // A document to bring, added to the list; the page lists it with the others.
  const documents = page.getByRole('group', { name: en('directory.service.documents') });
  await documents.getByRole('button', { name: en('directory.edit.document_add') }).click();
  await documents.getByRole('textbox').last().fill('Family record book');
  await page.getByRole('button', { name: en('directory.edit.submit') }).click();
  const saved = page.getByRole('status');
  await expect(saved).toContainText(en('directory.edit.saved'));
  await saved.getByRole('link', { name: en('directory.edit.view') }).click();

  // The service page says it, and keeps saying it after a reload.
  await expect(page.getByRole('heading', { level: 1, name: 'Health micro-insurance – Diourbel' })).toBeVisible();
  await expect(page.getByRole('region', { name: en('directory.service.what') })).toContainText(written);
  await expect(page.getByRole('region', { name: en('directory.service.documents') }).getByRole('listitem').last()).toHaveText('Family record book');
  await page.reload();
  await expect(page.getByRole('region', { name: en('directory.service.what') })).toContainText(written);

  // Another organisation's service: no edit link on its page, and the edit page is not found.
  await page.goto(`/directory/services/${OTHER_SERVICE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Money transfer to Senegal – Diourbel' })).toBeVisible();
  await expect(page.getByRole('link', { name: en('directory.edit.link') })).toHaveCount(0);
  await page.goto(`/directory/services/${OTHER_SERVICE}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: en('not_found.title') })).toBeVisible();
  await expect(page.getByRole('button', { name: en('directory.edit.submit') })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});
