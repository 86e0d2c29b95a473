import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, messages, openWalkInCase, signInAsStaff } from './support.js';

const en = messages('en');
// A shared 2-core machine: pages loaded on demand may take longer than the default 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });
const COACH = 'coach.diourbel@glocal.test';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });


test('a coach opens my cases, is refused a stage move lacking fields, completes them, moves it, adds a task and a note', async ({ page }) => {
  test.setTimeout(120_000);

  // The coach signs in through the sign-in page.
  const csrfToken = await signInAsStaff(page, COACH);
  const supportCase = await openWalkInCase(page, csrfToken, { givenName: 'Khady', familyName: `Sène${Date.now()}`, email: 'khady.sene@example.test' }, 'Une unité de transformation d’arachide à Mbacké');

  // My cases, from the header; search by the person's name.
  await page.getByRole('banner').getByRole('link', { name: en('nav.cases') }).click();
  await expect(heading(page, en('cases.title'))).toBeVisible();
  await page.getByRole('searchbox', { name: en('cases.list.search') }).fill(supportCase.personName.split(' ')[1]!);
  await page.getByRole('button', { name: en('cases.list.apply') }).click();
  const result = page.getByRole('link', { name: `${supportCase.personName} · ${supportCase.reference}` });
  await expect(result).toBeVisible();
  await expectNoSeriousViolations(page);

  // The board by stage shows the case in the Idea column.
  await page.getByRole('link', { name: en('cases.view.board') }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${en('cases.stage.idea')} \\(\\d+\\)$`) })).toBeVisible();

  await page.goto(`/cases/${supportCase.id}`);
  await expect(heading(page, `${supportCase.personName} · ${supportCase.reference}`)).toBeVisible();
  await expect(page.getByText('khady.sene@example.test')).toBeVisible();
  await expectNoSeriousViolations(page);

  // Moving to identification without sector and place is refused, each missing field marked.
  const pipeline = page.getByRole('region', { name: en('cases.section.pipeline') });
  await pipeline.getByRole('button', { name: en('cases.pipeline.move') }).click();
  const refusal = pipeline.getByRole('alert');
  await expect(refusal).toContainText(en('cases.project.isic_section'));
  await expect(refusal).toContainText(en('cases.project.setup_territory'));
  const sector = pipeline.getByRole('combobox', { name: en('cases.project.isic_section') });
  await expect(sector).toHaveAttribute('aria-invalid', 'true');
  await expect(pipeline.getByText(en('cases.pipeline.required_for_stage')).first()).toBeVisible();

  // The coach fills them in, saves, and the move goes through.
  await sector.selectOption('C');
  await pipeline.getByRole('combobox', { name: en('cases.project.isic_division') }).selectOption('10');
  await pipeline.getByRole('combobox', { name: en('cases.project.setup_territory') }).selectOption({ label: 'Mbacké (SN-DB-MBA)' });
  await pipeline.getByRole('button', { name: en('cases.project.save') }).click();
  await expect(pipeline.getByText(en('cases.pipeline.next_needs').split('{stage}')[0]!.trim())).toHaveCount(0);
  await pipeline.getByRole('button', { name: en('cases.pipeline.move') }).click();
  await expect(pipeline.getByRole('status').filter({ hasText: en('cases.stage.identification') })).toBeVisible();
  await expect(page.getByRole('region', { name: en('cases.section.history') })).toContainText(`${en('cases.stage.idea')} → ${en('cases.stage.identification')}`);

  // A task with a due date, and a note for the desk.
  const tasks = page.getByRole('region', { name: en('cases.section.tasks') });
  await tasks.getByRole('textbox', { name: en('cases.tasks.title') }).fill('Visiter le site à Mbacké');
  await tasks.getByLabel(en('cases.tasks.due_on')).fill('2027-01-15');
  await tasks.getByRole('button', { name: en('cases.tasks.add') }).click();
  await expect(tasks.getByRole('checkbox', { name: /Visiter le site à Mbacké/ })).toBeVisible();

  const notes = page.getByRole('region', { name: en('cases.section.notes') });
  await notes.getByRole('textbox', { name: en('cases.notes.body') }).fill('Rencontrée au guichet avec son frère.');
  await notes.getByRole('button', { name: en('cases.notes.add') }).click();
  await expect(notes.getByText('Rencontrée au guichet avec son frère.', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);

  // My tasks lists it, linked to the case.
  await page.goto('/cases/tasks');
  await expect(page.getByRole('link', { name: 'Visiter le site à Mbacké' })).toHaveAttribute('href', `/cases/${supportCase.id}`);
});
