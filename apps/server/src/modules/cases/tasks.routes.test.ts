import { CaseNoteList, CaseTaskList, CaseTaskView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, testConfig, type TestApp } from '../../../test/build-test-app.js';
import { DESKS, demoIds, lastAudit, openCase, shareCase, signInCaseStaff } from '../../../test/case-work-factories.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { runTaskReminders } from './tasks.service.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('tasks, reminders and notes on a case', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let coach: Session;
  let manager: Session;
  let brussels: Session;
  let veneto: Session;
  let ids: Record<string, string>;
  const get = (session: Session, url: string) => t.inject({ method: 'GET', url, headers: session.headers });
  const send = (session: Session, method: 'POST' | 'PATCH', url: string, payload: object) => t.inject({ method, url, headers: session.headers, payload });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    [coach, manager, brussels, veneto] = await signInCaseStaff(t);
    ids = await demoIds(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a coach adds tasks with due dates, to themselves or a colleague of the lead desk, and ticks them off', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const created = CaseTaskView.parse((await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'Call about the site visit', dueOn: day(3) })).json());
    expect(created).toMatchObject({ assignee: { id: ids['coach.diourbel@glocal.test'] }, done: false, overdue: false, dueOn: day(3) });
    expect((await lastAudit(t)).action).toBe('case_task.created');
    const forManager = await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'Sign the convention', assigneeId: ids['manager.diourbel@glocal.test'], dueOn: day(-1) });
    expect(forManager.statusCode).toBe(201);
    expect(forManager.json().overdue).toBe(true);
    const outsider = await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'x', assigneeId: ids['coach.brussels@glocal.test'] });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json()).toMatchObject({ code: 'case.task_assignee_invalid', errors: [{ pointer: '/assigneeId' }] });
    expect((await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: ' ', dueOn: '2026-13-01' })).statusCode).toBe(400);

    const done = await send(coach, 'PATCH', `/api/v1/cases/${id}/tasks/${created.id}`, { done: true });
    expect(done.json()).toMatchObject({ done: true });
    expect((await lastAudit(t)).details.changes).toEqual({ done: { before: false, after: true } });
    const list = CaseTaskList.parse((await get(coach, `/api/v1/cases/${id}/tasks`)).json());
    expect(list.items.map((task) => [task.title, task.done])).toEqual([['Sign the convention', false], ['Call about the site visit', true]]);
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}/tasks/00000000-0000-4000-8000-000000000000`, { done: true })).json().code).toBe('case.task_not_found');
    // Another desk's coach cannot see the case, hence nor its tasks.
    expect((await get(veneto, `/api/v1/cases/${id}/tasks`)).statusCode).toBe(404);
    expect((await send(veneto, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'x' })).statusCode).toBe(404);
  });

  it('"my tasks" lists my open tasks soonest due first, undated last, in pages', async () => {
    const { id } = await openCase(t, manager, ids[DESKS.diourbel]!);
    for (const [title, dueOn] of [['later', day(10)], ['undated', undefined], ['sooner', day(1)]] as const) {
      expect((await send(manager, 'POST', `/api/v1/cases/${id}/tasks`, { title, ...(dueOn ? { dueOn } : {}) })).statusCode).toBe(201);
    }
    const first = CaseTaskList.parse((await get(manager, '/api/v1/cases/tasks?limit=2')).json());
    const secondResponse = await get(manager, `/api/v1/cases/tasks?limit=2&cursor=${first.nextCursor}`);
    expect(secondResponse.statusCode, secondResponse.body).toBe(200);
    const second = CaseTaskList.parse(secondResponse.json());
    const titles = [...first.items, ...second.items].map((task) => task.title);
    expect(titles.slice(-3)).toEqual(['sooner', 'later', 'undated']);
    expect(titles[0]).toBe('Sign the convention'); // overdue, from the previous test
    const due = CaseTaskList.parse((await get(manager, '/api/v1/cases/tasks?filter=due')).json());
    expect(due.items.map((task) => task.title)).toEqual(['Sign the convention']);
  });

  it('e-mails each assignee once about tasks due, in their language; a new due date earns a new reminder', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const task = CaseTaskView.parse((await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'Relancer la mutuelle', dueOn: day(0) })).json());
    await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'Not yet', dueOn: day(5) });
    await sql`update app_user set locale = 'fr' where email = 'coach.diourbel@glocal.test'`.execute(t.db);

    const round = await runTaskReminders(t.db, testConfig({ SMTP_URL: smtp.url }));
    expect(round).toEqual({ tasks: 2, emails: 2, failed: 0 }); // the coach's, and the manager's overdue one
    const mail = await smtp.waitFor((m) => m.to.includes('coach.diourbel@glocal.test'));
    expect(mail.subject).toBe('1 tâche arrive à échéance sur Glocal');
    expect(mail.text).toContain(`Relancer la mutuelle (dossier ${task.caseReference})`);
    expect(mail.text).toContain(`/cases/${id}`);
    expect(mail.text).not.toContain('Not yet');
    expect((await lastAudit(t)).action).toBe('case_task.reminders_sent');

    // Nothing is sent twice.
    expect(await runTaskReminders(t.db, testConfig({ SMTP_URL: smtp.url }))).toEqual({ tasks: 0, emails: 0, failed: 0 });
    await send(coach, 'PATCH', `/api/v1/cases/${id}/tasks/${task.id}`, { dueOn: day(-2) });
    expect((await runTaskReminders(t.db, testConfig({ SMTP_URL: smtp.url }))).tasks).toBe(1);

    // A refused e-mail releases its tasks for the next round.
    await send(coach, 'PATCH', `/api/v1/cases/${id}/tasks/${task.id}`, { dueOn: day(-1) });
    smtp.reject('coach.diourbel@glocal.test');
    expect(await runTaskReminders(t.db, testConfig({ SMTP_URL: smtp.url }))).toEqual({ tasks: 1, emails: 0, failed: 1 });
    const reminded = (await sql<{ remindedAt: Date | null }>`select reminded_at from case_task where id = ${task.id}`.execute(t.db)).rows[0]!;
    expect(reminded.remindedAt).toBeNull();
  });

  it('notes are encrypted at rest; each desk reads its own; sensitive ones only by their author and the desk managers', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const plain = await send(coach, 'POST', `/api/v1/cases/${id}/notes`, { body: 'Met the family in Touba' });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({ deskId: ids[DESKS.diourbel], body: 'Met the family in Touba', sensitive: false });
    await send(coach, 'POST', `/api/v1/cases/${id}/notes`, { body: 'Health: diabetic, needs regular care', sensitive: true });
    const raw = JSON.stringify((await sql`select * from case_note where case_id = ${id}`.execute(t.db)).rows);
    expect(raw).not.toContain('Touba');
    expect(raw).not.toContain('diabetic');

    // The manager reads both; the case shared with Brussels does not show Diourbel's notes there.
    const managerView = CaseNoteList.parse((await get(manager, `/api/v1/cases/${id}/notes`)).json());
    expect(managerView.items.map((n) => n.body)).toEqual(['Health: diabetic, needs regular care', 'Met the family in Touba']);
    expect((await lastAudit(t)).action).toBe('case_note.list_read');
    await shareCase(t, id, ids[DESKS.brussels]!);
    expect(CaseNoteList.parse((await get(brussels, `/api/v1/cases/${id}/notes`)).json()).items).toEqual([]);
    const own = await send(brussels, 'POST', `/api/v1/cases/${id}/notes`, { body: 'Brussels: the person returns in March' });
    expect(own.json()).toMatchObject({ deskId: ids[DESKS.brussels] });
    expect(CaseNoteList.parse((await get(brussels, `/api/v1/cases/${id}/notes`)).json()).items.map((n) => n.body)).toEqual(['Brussels: the person returns in March']);
    expect(CaseNoteList.parse((await get(coach, `/api/v1/cases/${id}/notes`)).json()).items.map((n) => n.body)).not.toContain('Brussels: the person returns in March');

    // A colleague who is neither author nor manager sees that a sensitive note exists, not its words.
    const colleague = (await sql<{ id: string }>`insert into app_user (email, display_name, password_hash) select 'coach2.diourbel@glocal.test', 'Aminata Sow', password_hash from app_user where email = 'coach.diourbel@glocal.test' returning id`.execute(t.db)).rows[0]!;
    await sql`insert into membership (user_id, organisation_id, role) values (${colleague.id}, ${ids[DESKS.diourbel]}, 'coach')`.execute(t.db);
    const second = await signIn(t, 'coach2.diourbel@glocal.test');
    const seen = CaseNoteList.parse((await get(second, `/api/v1/cases/${id}/notes`)).json());
    expect(seen.items.map((n) => [n.sensitive, n.body])).toEqual([[true, null], [false, 'Met the family in Touba']]);

    expect((await get(veneto, `/api/v1/cases/${id}/notes`)).statusCode).toBe(404);
    expect((await send(veneto, 'POST', `/api/v1/cases/${id}/notes`, { body: 'x' })).statusCode).toBe(404);
  });
});
