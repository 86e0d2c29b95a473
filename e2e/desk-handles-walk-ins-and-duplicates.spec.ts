import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages, signInAsStaff } from './support.js';

const en = messages('en');
// A shared 2-core machine: pages loaded on demand may take longer than the default 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });
const COACH = 'coach.diourbel@glocal.test';
const MANAGER = 'manager.diourbel@glocal.test';

/** A catalogue message with its plain `{arguments}` filled in (no plurals here). */
const say = (id: string, args: Record<string, string>) => Object.entries(args).reduce((text, [name, value]) => text.replace(`{${name}}`, value), en(id));
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('a coach opens a walk-in case through the form; when the same person writes online, the desk manager merges the two', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  // Unique to this run, so the pair found below is this journey's and no other.
  const run = Date.now().toString().slice(-7);
  const person = { givenName: 'Aïssatou', familyName: `Essai-Guichet${run}`, phone: `+221 77 ${run.slice(0, 3)} ${run.slice(3, 5)} ${run.slice(5)}` };
  const walkInName = `${person.givenName} ${person.familyName}`;

  // The coach opens "New case" from the cases list.
  await signInAsStaff(page, COACH);
  await page.getByRole('banner').getByRole('link', { name: en('nav.cases') }).click();
  await expect(heading(page, en('cases.title'))).toBeVisible();
  await page.getByRole('link', { name: en('cases.new.open') }).click();
  await expect(heading(page, en('cases.new.title'))).toBeVisible();
  await expectNoSeriousViolations(page);

  // Sent empty, the form marks what is missing next to each field, consent included.
  await page.getByRole('button', { name: en('cases.new.submit') }).click();
  await expect(page.getByRole('textbox', { name: en('cases.new.given_name') })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(en('cases.new.errors.consent_required'))).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByRole('radio', { name: en('cases.kind.return_reintegration') }).check();
  await page.getByRole('textbox', { name: en('cases.new.need') }).fill('Rentrée d’Italie, elle veut s’installer à Diourbel.');
  await page.getByRole('textbox', { name: en('cases.new.given_name') }).fill(person.givenName);
  await page.getByRole('textbox', { name: en('cases.new.family_name') }).fill(person.familyName);
  await page.getByRole('textbox', { name: en('cases.new.phone') }).fill(person.phone);
  await page.getByRole('checkbox', { name: 'Wolof' }).check();
  await page.getByRole('checkbox', { name: 'French' }).check();
  await page.getByRole('combobox', { name: en('cases.new.preferred_locale') }).selectOption('fr');
  await page.getByRole('combobox', { name: en('cases.new.residence') }).selectOption({ label: 'Diourbel (SN-DB-DIO)' });
  await page.getByRole('checkbox', { name: en('cases.new.consent.checkbox') }).check();
  await expect(page.getByRole('checkbox', { name: en('cases.new.follow_myself') })).toBeChecked();
  await page.getByRole('button', { name: en('cases.new.submit') }).click();

  // The new case opens, assigned to the coach who met the person.
  const caseTitle = heading(page, new RegExp(`^${walkInName} · GLC-`));
  await expect(caseTitle).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const reference = (await caseTitle.textContent())!.split(' · ')[1]!;
  await expect(page.getByText(person.phone)).toBeVisible();
  await expectNoSeriousViolations(page);

  // Days later the same person writes online, her name spelt otherwise and her phone as 00221…
  const options = await (await request.get('/api/v1/intake/options')).json();
  const diourbel = options.territories.find((territory: { code: string }) => territory.code === 'SN-DB-DIO').id as string;
  const online = { givenName: person.givenName.toUpperCase(), familyName: person.familyName.replace('-', ' '), phone: `00${person.phone.replace(/\D/g, '')}` };
  const intake = await request.post('/api/v1/intake', {
    data: {
      requestKind: 'training',
      person: { ...online, languages: ['wo', 'fr'], residenceTerritoryId: diourbel },
      need: 'Je cherche une formation en gestion.',
      locale: 'fr',
      consent: { processing: true, policyVersion: options.policyVersion },
    },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const onlineName = `${online.givenName} ${online.familyName}`;

  // The desk manager finds the pair under "Possible duplicates", beside the demo's own pairs.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAsStaff(manager, MANAGER);
  await manager.getByRole('banner').getByRole('link', { name: en('people.duplicates.nav') }).click();
  await expect(heading(manager, en('people.duplicates.title'))).toBeVisible();
  await expect(manager.getByRole('heading', { level: 2, name: say('people.duplicates.pair_title', { person: 'Mariama Exemple Doublon', other: 'Mariama Exemple-Doublon' }) })).toBeVisible();
  const pair = manager.getByRole('listitem').filter({ has: manager.getByRole('heading', { level: 2, name: say('people.duplicates.pair_title', { person: onlineName, other: walkInName }) }) });
  await expect(pair).toBeVisible();
  await expect(pair).toContainText(say('people.duplicates.matched_on', { keys: en('people.duplicates.match.phone') }));
  await expect(pair.getByRole('region', { name: en('people.duplicates.earlier') }).getByRole('link', { name: reference })).toBeVisible();
  await expectNoSeriousViolations(manager);

  // Merging asks first, and says both histories are kept.
  await pair.getByRole('button', { name: en('people.duplicates.merge') }).click();
  await expect(pair.getByRole('radio', { name: new RegExp(`^${walkInName}, `) })).toBeChecked();
  await expect(pair.getByText(/^Merging keeps both histories/)).toContainText('Nothing is deleted.');
  await pair.getByRole('button', { name: en('people.duplicates.confirm_merge') }).click();
  await expect(manager.getByRole('status').filter({ hasText: say('people.duplicates.merged', { merged: onlineName, kept: walkInName }) })).toBeVisible();
  await expect(pair).toHaveCount(0);

  // Gone for good: the server no longer lists it; the demo pairs are still there to try.
  await manager.reload();
  await expect(heading(manager, en('people.duplicates.title'))).toBeVisible();
  await expect(manager.getByRole('heading', { level: 2, name: say('people.duplicates.pair_title', { person: 'Mariama Exemple Doublon', other: 'Mariama Exemple-Doublon' }) })).toBeVisible();
  await expect(manager.getByRole('heading', { level: 2, name: say('people.duplicates.pair_title', { person: onlineName, other: walkInName }) })).toHaveCount(0);
  await managerContext.close();
});
