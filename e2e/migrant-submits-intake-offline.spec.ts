import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

const fr = messages('fr');
const REFERENCE = /^GLC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

// A cheap phone: a small screen, and a connection that comes and goes.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a person in Brussels writes her business idea while offline; it is kept on the phone and arrives when the connection returns', async ({ page, context }) => {
  /** Territories are listed under their country, indented: pick one by its name. */
  const pick = async (label: string, name: string) => {
    const select = page.getByLabel(label);
    await select.selectOption((await select.locator('option', { hasText: name }).first().getAttribute('value'))!);
  };
  await openIn(page, 'fr', '/intake');
  await expect(page.getByRole('heading', { level: 1, name: fr('intake.title') })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel(fr('intake.field.need')).fill('Je veux ouvrir un atelier de couture à Diourbel avec ma sœur.');
  await page.getByLabel(fr('intake.field.idea')).fill('Atelier de couture et vente de tissus wax');
  await page.getByLabel(fr('intake.field.isic_section')).selectOption('C');
  await page.getByLabel(fr('intake.field.isic_division')).selectOption('14');
  await pick(fr('intake.field.setup'), 'Diourbel');
  await page.getByLabel(fr('intake.field.currency')).selectOption('EUR');
  await page.getByLabel(fr('intake.field.own_funds')).fill('1500');
  await page.getByLabel(fr('intake.field.needed_funds')).fill('6000');
  await page.getByLabel(fr('intake.field.given_name')).fill('Aminata');
  await page.getByLabel(fr('intake.field.family_name')).fill('Fictive-Diagne');
  await page.getByLabel(fr('intake.field.phone')).fill('+32 470 00 11 22');
  await pick(fr('intake.field.residence'), 'Bruxelles-Capitale');

  // Without consent nothing is sent: the error is shown next to the box.
  await page.getByRole('button', { name: fr('intake.submit') }).click();
  await expect(page.getByText(fr('intake.errors.consent_required'))).toBeVisible();
  await page.getByRole('checkbox', { name: fr('intake.consent.checkbox') }).check();

  await context.setOffline(true);
  await page.getByRole('button', { name: fr('intake.submit') }).click();
  await expect(page.getByRole('heading', { name: fr('intake.offline.saved_title') })).toBeVisible();
  await expect(page.getByText(fr('intake.offline.saved'))).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('glocal.intake.outbox') ?? '[]').length)).toBe(1);
  await expectNoSeriousViolations(page);

  await context.setOffline(false);
  const reference = page.getByTestId('intake-reference');
  await expect(reference).toBeVisible();
  await expect(page.getByRole('heading', { name: fr('intake.done.title') })).toBeVisible();
  expect((await reference.textContent())!.trim()).toMatch(REFERENCE);
  expect(await page.evaluate(() => localStorage.getItem('glocal.intake.outbox'))).toBeNull();
  await expectNoSeriousViolations(page);
});

test('the intake page is linked from the home page and the navigation', async ({ page }) => {
  await openIn(page, 'fr', '/');
  await page.getByRole('navigation').getByRole('link', { name: fr('nav.intake') }).click();
  await expect(page).toHaveURL(/\/intake$/);
  await expect(page.getByRole('heading', { level: 1, name: fr('intake.title') })).toBeVisible();
});
