import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages, openWalkInCase, signInAsStaff } from './support.js';

const en = messages('en');
// A shared 2-core machine: pages loaded on demand may take longer than the default 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });
const COACH = 'coach.diourbel@glocal.test';


test('a coach finds a micro-credit service, links it to a case, records that the person got it, and sees it listed', async ({ page }) => {
  test.setTimeout(120_000);

  const csrfToken = await signInAsStaff(page, COACH);
  const supportCase = await openWalkInCase(page, csrfToken, { givenName: 'Mame', familyName: `Ndiaye${Date.now()}`, email: 'mame.ndiaye@example.test' }, 'Un atelier de couture à Diourbel');

  await page.goto(`/cases/${supportCase.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${supportCase.personName} · ${supportCase.reference}` })).toBeVisible();
  // The panel is listed at the top of the case page with the others.
  await page.getByRole('navigation', { name: en('cases.page.sections') }).getByRole('link', { name: en('directory.case_referrals.title') }).click();
  const panel = page.getByRole('region', { name: en('directory.case_referrals.title') });
  await expect(panel.getByText(en('directory.case_referrals.empty'))).toBeVisible();

  // Find a micro-credit service in the directory and link it, with a note.
  await panel.getByRole('searchbox', { name: en('directory.case_referrals.search') }).fill('returnee micro-credit');
  await panel.getByRole('button', { name: en('directory.case_referrals.search_submit') }).click();
  const choice = panel.getByRole('group', { name: en('directory.case_referrals.choose') });
  const service = choice.getByRole('radio', { name: /^Returnee micro-credit – Diourbel/ });
  await expect(service).toBeVisible();
  await expectNoSeriousViolations(page);
  await service.check();
  await panel.getByRole('textbox', { name: en('directory.case_referrals.note') }).fill('Rendez-vous lundi à la mutuelle');
  await panel.getByRole('button', { name: en('directory.case_referrals.submit') }).click();

  // It appears in the case's list of services, dated and not yet known.
  const item = panel.getByRole('listitem', { name: 'Returnee micro-credit – Diourbel' });
  await expect(item).toBeVisible();
  await expect(item).toContainText(en('directory.case_referrals.outcome.pending'));
  await expect(item).toContainText('Rendez-vous lundi à la mutuelle');

  // The person got it: the coach records it.
  await item.getByRole('combobox').selectOption('received');
  await item.getByRole('button', { name: en('directory.case_referrals.record') }).click();
  await expect(item).toContainText(en('directory.case_referrals.outcome.received'));
  await expectNoSeriousViolations(page);

  // It is kept: after a reload the case still lists the service and whether the person got it.
  await page.reload();
  const kept = page.getByRole('region', { name: en('directory.case_referrals.title') }).getByRole('listitem', { name: 'Returnee micro-credit – Diourbel' });
  await expect(kept).toContainText(en('directory.case_referrals.outcome.received'));

  // And in the case history, newest first: the outcome, then the referral.
  const history = page.getByRole('region', { name: en('cases.section.history') }).getByRole('listitem');
  const serviceName = 'Returnee micro-credit – Diourbel';
  await expect(history.nth(0)).toContainText(worded('directory.case_referrals.history.outcome', { service: serviceName, outcome: en('directory.case_referrals.outcome.received') }));
  await expect(history.nth(1)).toContainText(worded('directory.case_referrals.history.referred', {}));
  await expect(history.nth(1)).toContainText(serviceName);
});

/** The English message's text up to its first placeholder left open (the date, worded by the browser). */
function worded(id: string, values: Record<string, string>): string {
  const filled = en(id).replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
  return filled.slice(0, filled.indexOf('{') === -1 ? undefined : filled.indexOf('{'));
}
