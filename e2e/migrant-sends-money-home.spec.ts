import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, messages, openIn } from './support.js';

// A migrant in Italy compares the ways to send money to Senegal on the demo's (illustrative)
// prices: in French, then in Arabic, right to left.
test.describe('send money home', () => {
  test('in French: choose the corridor and amount, read the ranked options, share the address', async ({ page }) => {
    const t = messages('fr');
    await openIn(page, 'fr', '/');
    await page.getByRole('navigation').getByRole('link', { name: t('nav.send_money') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('remittances.send.title') })).toBeVisible();

    await page.getByRole('combobox', { name: t('remittances.send.from') }).selectOption('IT');
    await page.getByRole('combobox', { name: t('remittances.send.to') }).selectOption('SN');
    await page.getByRole('textbox', { name: t('remittances.send.amount') }).fill('300');
    await page.getByRole('button', { name: t('remittances.send.submit') }).click();

    await expect(page).toHaveURL(/\/send-money\?from=IT&to=SN&amount=300&currency=EUR$/);
    const options = page.locator('.quote-card');
    await expect(options.first()).toBeVisible();
    expect(await options.count()).toBeGreaterThanOrEqual(10);
    // Ranked by what the family receives: the amounts shown never grow down the list.
    const received = await options.evaluateAll((cards) =>
      cards.map((card) => card.querySelector('.quote-card__received')?.textContent ?? '').map((text) => Number(text.replace(/\D/g, '')) || 0),
    );
    const transparent = received.filter((amount) => amount > 0);
    expect(transparent).toEqual([...transparent].sort((a, b) => b - a));
    await expect(page.getByText(t('remittances.quotes.zero_fee_warning')).first()).toBeVisible();
    await expect(page.getByText(t('remittances.demo_notice'))).toBeVisible();
    await expect(page.getByRole('heading', { name: t('remittances.method.title') })).toBeVisible();
    await expectNoSeriousViolations(page);

    // The address alone brings the same results (a shared link), with a filter.
    await page.goto('/send-money?from=IT&to=SN&amount=300&currency=EUR&pickup=mobile_wallet');
    await expect(options.first()).toBeVisible();
    for (const card of await options.all()) await expect(card).toContainText(t('remittances.pickup.mobile_wallet'));

    // The corridor's history: the chart against the target and ceiling.
    await page.getByRole('link', { name: /Italie/ }).click();
    await expect(page.getByRole('img', { name: new RegExp(t('remittances.corridor.chart_title')) })).toBeVisible();
    await expect(page.getByRole('table', { name: t('remittances.corridor.table_caption') })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('in Arabic, right to left: an amount the family should receive', async ({ page }) => {
    const t = messages('ar');
    await openIn(page, 'ar', '/send-money');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('combobox', { name: t('remittances.send.from') }).selectOption('IT');
    await page.getByRole('combobox', { name: t('remittances.send.to') }).selectOption('MA');
    await page.getByRole('combobox', { name: t('remittances.send.currency') }).selectOption('MAD');
    await page.getByRole('textbox', { name: t('remittances.send.amount') }).fill('2000');
    await page.getByRole('button', { name: t('remittances.send.submit') }).click();

    await expect(page).toHaveURL(/from=IT&to=MA&amount=2000&currency=MAD/);
    const first = page.locator('.quote-card').first();
    await expect(first).toBeVisible();
    await expect(first).toContainText(t('remittances.quotes.total_cost'));
    // The form's first field starts on the right in a right-to-left page.
    const box = await page.getByRole('combobox', { name: t('remittances.send.from') }).boundingBox();
    const width = page.viewportSize()!.width;
    expect(box!.x + box!.width).toBeGreaterThan(width / 2);
    await expectNoSeriousViolations(page);

    // A refused amount is said next to its field.
    await page.getByRole('textbox', { name: t('remittances.send.amount') }).fill('-5');
    await page.getByRole('button', { name: t('remittances.send.submit') }).click();
    await expect(page.getByRole('textbox', { name: t('remittances.send.amount') })).toHaveAttribute('aria-invalid', 'true');
  });
});
