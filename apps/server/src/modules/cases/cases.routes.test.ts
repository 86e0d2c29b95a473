import { BusinessProjectView, CaseBoardView, CaseDetailView, CaseList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { DESKS, addDocument, demoIds, lastAudit, openCase, shareCase, signInCaseStaff } from '../../../test/case-work-factories.js';
import type { Session } from '../../../test/sign-in.js';

describe('cases: lists, the case page and the commands on a case', () => {
  let t: TestApp;
  let coach: Session;
  let manager: Session;
  let brussels: Session;
  let veneto: Session;
  let ids: Record<string, string>;
  const get = (session: Session, url: string) => t.inject({ method: 'GET', url, headers: session.headers });
  const send = (session: Session, method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.inject({ method, url, headers: session.headers, payload });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [coach, manager, brussels, veneto] = await signInCaseStaff(t);
    ids = await demoIds(t);
  });
  afterAll(() => t.close());

  it('a coach opens a case for a walk-in person: contact details encrypted at rest, shown decrypted to the desk, all audited', async () => {
    const created = CaseDetailView.parse(
      await openCase(t, coach, ids[DESKS.diourbel]!, {
        person: { givenName: 'Fatou', familyName: 'Ndiaye', email: 'Fatou.Ndiaye@Example.test', phone: '+221 77 123 45 67', birthDate: '1990-04-02' },
        need: 'Open a tailoring workshop',
        tags: ['Returnee', 'tailoring'],
      }),
    );
    expect(created).toMatchObject({ status: 'new', priority: 'normal', tags: ['returnee', 'tailoring'], stage: 'idea', access: 'lead', source: 'staff' });
    expect(created.reference).toMatch(/^GLC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(created.stageHistory).toEqual([expect.objectContaining({ fromStage: null, toStage: 'idea' })]);
    expect((await lastAudit(t)).action).toBe('case.created');

    const raw = (await sql<Record<string, unknown>>`select p.*, c.need_encrypted from person p join support_case c on c.person_id = p.id where c.id = ${created.id}`.execute(t.db)).rows[0]!;
    const rawText = JSON.stringify(raw);
    for (const secret of ['Fatou.Ndiaye', 'fatou.ndiaye', '123 45 67', '1990-04-02', 'tailoring workshop']) expect(rawText).not.toContain(secret);
    const consent = (await sql<{ kind: string; method: string }>`select kind, method from consent where case_id = ${created.id}`.execute(t.db)).rows;
    expect(consent).toEqual([{ kind: 'processing', method: 'in_person' }]);

    const read = CaseDetailView.parse((await get(coach, `/api/v1/cases/${created.id}`)).json());
    expect(read.person).toMatchObject({ email: 'fatou.ndiaye@example.test', phone: '+221 77 123 45 67', birthDate: '1990-04-02', contactWithheld: false });
    expect(read.need).toBe('Open a tailoring workshop');
    expect(read.can).toEqual({ update: true, assign: false, close: false });
    const audit = await lastAudit(t);
    expect(audit).toMatchObject({ action: 'case.read', subjectId: created.id });
    expect(audit.details.decrypted).toEqual(['email', 'phone', 'birthDate', 'need']);
  });

  it('refuses a case without processing consent or for a desk the coach does not work at, storing nothing', async () => {
    const before = Number((await sql<{ n: number }>`select count(*) as n from support_case`.execute(t.db)).rows[0]!.n);
    const noConsent = await send(coach, 'POST', '/api/v1/cases', { deskId: ids[DESKS.diourbel], requestKind: 'job', person: { givenName: 'X' } });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/processingConsent');
    const otherDesk = await send(coach, 'POST', '/api/v1/cases', {
      deskId: ids[DESKS.brussels], requestKind: 'job', person: { givenName: 'X' }, processingConsent: { method: 'in_person', policyVersion: 'v1' },
    });
    expect(otherDesk.statusCode).toBe(403);
    const noIdea = await send(coach, 'POST', '/api/v1/cases', {
      deskId: ids[DESKS.diourbel], requestKind: 'business_project', person: { givenName: 'X' }, processingConsent: { method: 'in_person', policyVersion: 'v1' },
    });
    expect(noIdea.statusCode).toBe(400);
    expect(noIdea.json().errors).toEqual([expect.objectContaining({ pointer: '/idea' })]);
    expect(Number((await sql<{ n: number }>`select count(*) as n from support_case`.execute(t.db)).rows[0]!.n)).toBe(before);
  });

  it('lists open cases of my desks newest activity first, with filters, search and cursor pages', async () => {
    const tag = 'listing';
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await openCase(t, coach, ids[DESKS.diourbel]!, { tags: [tag], priority: i === 0 ? 'urgent' : 'normal', ...(i === 1 ? { requestKind: 'job', idea: undefined } : {}) }));
    const elsewhere = await openCase(t, brussels, ids[DESKS.brussels]!, { tags: [tag] });

    const page1 = CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&limit=2`)).json());
    // The names on a list are personal data: which cases were shown is in the trail.
    expect(await lastAudit(t)).toMatchObject({ action: 'case.list_read', details: { caseIds: page1.items.map((item) => item.id) } });
    const page2 = CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&limit=2&cursor=${page1.nextCursor}`)).json());
    const page3 = CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&limit=2&cursor=${page2.nextCursor}`)).json());
    expect([...page1.items, ...page2.items, ...page3.items].map((c) => c.id)).toEqual(made.map((c) => c.id).reverse());
    expect(page3.nextCursor).toBeNull();
    expect(page1.items[0]).toMatchObject({ deskName: DESKS.diourbel, access: 'lead', status: 'new' });

    // Touching a case brings it to the top: newest activity first.
    await send(coach, 'PATCH', `/api/v1/cases/${made[0]!.id}`, { priority: 'high' });
    expect(CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&limit=1`)).json()).items[0]!.id).toBe(made[0]!.id);

    const names = async (query: string) => CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&${query}`)).json()).items.map((c) => c.id);
    expect(await names('requestKind=job')).toEqual([made[1]!.id]);
    expect(await names('priority=high')).toEqual([made[0]!.id]);
    expect(await names('stage=idea')).toHaveLength(4);
    expect(await names(`q=${made[2]!.reference.slice(0, 9).toLowerCase()}`)).toEqual([made[2]!.id]);
    const person = (await sql<{ givenName: string }>`select given_name from person where id = ${made[3]!.person.id}`.execute(t.db)).rows[0]!;
    expect(await names(`q=${encodeURIComponent(`diop ${person.givenName.toUpperCase()}`)}`)).toEqual([made[3]!.id]);
    expect(await names('status=closed')).toEqual([]);
    expect(await names('scope=mine')).toEqual([]);
    const otherDesk = await get(coach, `/api/v1/cases?deskId=${ids[DESKS.brussels]}`);
    expect(otherDesk.statusCode).toBe(404);
    // Brussels' case never appears in Diourbel's lists.
    expect(CaseList.parse((await get(coach, `/api/v1/cases?tag=${tag}&limit=50`)).json()).items.map((c) => c.id)).not.toContain(elsewhere.id);
    expect((await get(coach, '/api/v1/cases?cursor=not-a-cursor')).json().code).toBe('invalid_cursor');
  });

  it('a coach of a desk the case is not shared with gets 404 for every read and write', async () => {
    const supportCase = await openCase(t, coach, ids[DESKS.diourbel]!);
    for (const response of [
      await get(veneto, `/api/v1/cases/${supportCase.id}`),
      await send(veneto, 'PATCH', `/api/v1/cases/${supportCase.id}`, { priority: 'low' }),
      await send(veneto, 'POST', `/api/v1/cases/${supportCase.id}/stage`, { toStage: 'identification' }),
      await send(veneto, 'PATCH', `/api/v1/cases/${supportCase.id}/business-project`, { legalForm: 'SARL' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await lastAudit(t)).action).toBe('access.denied');
    expect((await get(coach, '/api/v1/cases/00000000-0000-4000-8000-000000000000')).json().code).toBe('case.not_found');
  });

  it('a desk the case is shared with reads it without contact details and gets 403 on writes', async () => {
    const supportCase = await openCase(t, coach, ids[DESKS.diourbel]!, { tags: ['shared'] });
    await shareCase(t, supportCase.id, ids[DESKS.brussels]!);
    const read = CaseDetailView.parse((await get(brussels, `/api/v1/cases/${supportCase.id}`)).json());
    expect(read).toMatchObject({ access: 'shared', can: { update: false, assign: false, close: false } });
    expect(read.person).toMatchObject({ email: null, phone: null, contactWithheld: true });
    expect(CaseList.parse((await get(brussels, '/api/v1/cases?tag=shared')).json()).items.map((c) => [c.id, c.access])).toEqual([[supportCase.id, 'shared']]);
    expect((await send(brussels, 'PATCH', `/api/v1/cases/${supportCase.id}`, { priority: 'low' })).statusCode).toBe(403);
    expect((await send(brussels, 'POST', `/api/v1/cases/${supportCase.id}/stage`, { toStage: 'identification' })).statusCode).toBe(403);
    // Withdrawn consent hides it at once.
    await sql`update consent set withdrawn_at = now() where case_id = ${supportCase.id} and kind = 'referral'`.execute(t.db);
    expect((await get(brussels, `/api/v1/cases/${supportCase.id}`)).statusCode).toBe(404);
    expect(CaseList.parse((await get(brussels, '/api/v1/cases?tag=shared')).json()).items).toEqual([]);
  });

  it('status moves new → active → waiting → active; going back to new or changing a closed case is refused', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}`, { status: 'active', tags: ['a', 'a', 'b'] })).json()).toMatchObject({ status: 'active', tags: ['a', 'b'] });
    expect((await lastAudit(t)).details.changes.status).toEqual({ before: 'new', after: 'active' });
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}`, { status: 'waiting' })).json().status).toBe('waiting');
    const back = await send(coach, 'PATCH', `/api/v1/cases/${id}`, { status: 'new' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'case.status_transition_invalid', params: { from: 'waiting', to: 'new' } });
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}`, { status: 'closed' })).statusCode).toBe(400);
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}`, {})).statusCode).toBe(400);
  });

  it("a desk manager assigns and reassigns only to the lead desk's coaches; a coach may not assign", async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const assigned = CaseDetailView.parse((await send(manager, 'POST', `/api/v1/cases/${id}/assign`, { coachId: ids['coach.diourbel@glocal.test'] })).json());
    expect(assigned).toMatchObject({ status: 'active', assignedCoach: { id: ids['coach.diourbel@glocal.test'], displayName: 'Mamadou Fall' } });
    expect((await lastAudit(t)).action).toBe('case.assigned');
    const mine = CaseList.parse((await get(coach, '/api/v1/cases?scope=mine&limit=200')).json());
    expect(mine.items.map((c) => c.id)).toContain(id);

    const outsider = await send(manager, 'POST', `/api/v1/cases/${id}/assign`, { coachId: ids['coach.brussels@glocal.test'] });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json()).toMatchObject({ code: 'case.assignee_not_coach', errors: [{ pointer: '/coachId' }] });
    expect((await send(coach, 'POST', `/api/v1/cases/${id}/assign`, { coachId: ids['coach.diourbel@glocal.test'] })).statusCode).toBe(403);
    const unassigned = await send(manager, 'POST', `/api/v1/cases/${id}/assign`, { coachId: null });
    expect(unassigned.json().assignedCoach).toBeNull();
    expect((await lastAudit(t)).action).toBe('case.reassigned');
  });

  it('the pipeline refuses a jump and a move lacking fields, listing every missing field; then moves step by step', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const stage = (toStage: string, reason?: string) => send(coach, 'POST', `/api/v1/cases/${id}/stage`, { toStage, ...(reason ? { reason } : {}) });
    const patch = (body: object) => send(coach, 'PATCH', `/api/v1/cases/${id}/business-project`, body);
    const transitions = async () => Number((await sql<{ n: number }>`select count(*) as n from business_stage_transition where case_id = ${id}`.execute(t.db)).rows[0]!.n);

    const jump = await stage('elaboration');
    expect(jump.statusCode).toBe(409);
    expect(jump.headers['content-type']).toMatch(/problem\+json/);
    expect(jump.json().code).toBe('case.stage_skipped');
    expect(jump.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/toStage', '/isicSection', '/isicDivision', '/setupTerritoryId', '/neededAmount', '/ownFundsAmount', '/currency',
    ]);
    const missing = await stage('identification');
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'case.stage_requirements_missing' });
    expect(missing.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/isicSection', '/isicDivision', '/setupTerritoryId']);
    expect(await transitions()).toBe(1);

    // Bad values are refused field by field, exactly.
    expect((await patch({ isicSection: 'A', isicDivision: '47' })).json()).toMatchObject({ code: 'case.isic_division_mismatch', errors: [{ pointer: '/isicDivision' }] });
    expect((await patch({ neededAmount: '5000000.50', currency: 'XOF' })).json()).toMatchObject({ code: 'case.amount_too_precise', errors: [{ pointer: '/neededAmount' }] });
    expect((await patch({ neededAmount: 1500.5, currency: 'EUR' })).statusCode).toBe(400);
    expect((await patch({ neededAmount: '100' })).json()).toMatchObject({ errors: [{ pointer: '/currency' }] });
    expect((await patch({ currency: 'ZZZ' })).json().code).toBe('case.unknown_currency');
    expect((await patch({ checklist: { not_an_item: true } })).json().code).toBe('case.checklist_item_unknown');

    const project = BusinessProjectView.parse(
      (await patch({ isicSection: 'A', isicDivision: '01', setupTerritoryId: ids['SN-DB-MBA'], checklist: { idea_described: true } })).json(),
    );
    expect(project).toMatchObject({ nextStage: 'identification', missingForNextStage: [], checklist: { idea_described: true } });
    expect((await lastAudit(t)).action).toBe('business_project.updated');
    const moved = BusinessProjectView.parse((await stage('identification')).json());
    expect(moved).toMatchObject({ stage: 'identification', nextStage: 'elaboration' });
    expect(moved.missingForNextStage.map((m) => m.field)).toEqual(['neededAmount', 'ownFundsAmount', 'currency']);
    expect(await lastAudit(t)).toMatchObject({ action: 'business_project.stage_moved', details: { from: 'idea', to: 'identification' } });

    expect((await patch({ neededAmount: '5000000', ownFundsAmount: '750000', currency: 'XOF' })).json()).toMatchObject({ neededAmount: '5000000.00', ownFundsAmount: '750000.00', currency: 'XOF' });
    expect((await stage('elaboration')).statusCode).toBe(200);

    // Back one stage needs a reason; the history keeps who, when and why.
    expect((await stage('identification')).json()).toMatchObject({ code: 'case.stage_reason_required', errors: [{ pointer: '/reason' }] });
    expect((await stage('identification', 'The site in Mbacké fell through')).statusCode).toBe(200);
    expect((await stage('elaboration')).statusCode).toBe(200);

    const noPlans = await stage('formalisation');
    expect(noPlans.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/businessPlanDocumentId', '/financingPlanDocumentId']);
    const foreignDocument = await addDocument(t, (await openCase(t, coach, ids[DESKS.diourbel]!)).id, 'business_plan');
    expect((await patch({ businessPlanDocumentId: foreignDocument })).json().code).toBe('case.document_not_found');
    await patch({ businessPlanDocumentId: await addDocument(t, id, 'business_plan'), financingPlanDocumentId: await addDocument(t, id, 'financing_plan') });
    expect((await stage('formalisation')).statusCode).toBe(200);

    expect((await stage('creation')).json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/legalForm', '/registeredOn']);
    await patch({ legalForm: 'GIE', registeredOn: '2026-11-20', registrationNumber: 'SN-DBL-2026-B-123' });
    expect((await stage('creation')).statusCode).toBe(200);

    const detail = CaseDetailView.parse((await get(coach, `/api/v1/cases/${id}`)).json());
    expect(detail.stageHistory.map((h) => [h.fromStage, h.toStage, h.reason])).toEqual([
      [null, 'idea', null],
      ['idea', 'identification', null],
      ['identification', 'elaboration', null],
      ['elaboration', 'identification', 'The site in Mbacké fell through'],
      ['identification', 'elaboration', null],
      ['elaboration', 'formalisation', null],
      ['formalisation', 'creation', null],
    ]);
    expect(detail.stageHistory[1]!.movedBy).toEqual({ id: ids['coach.diourbel@glocal.test'], displayName: 'Mamadou Fall' });
    // Entering creation records the business as created.
    expect(detail.outcome).toMatchObject({ businessCreatedOn: '2026-11-20', legalForm: 'GIE', outcome: null });
    expect(detail.status).toBe('active');
  });

  it('a case that is not a business project has no pipeline', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!, { requestKind: 'training', idea: undefined });
    const response = await send(coach, 'POST', `/api/v1/cases/${id}/stage`, { toStage: 'identification' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('case.not_business_project');
  });

  it('a desk manager closes a case with its outcome; a business created needs its details; a closed case stays closed', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    expect((await send(coach, 'POST', `/api/v1/cases/${id}/close`, { outcome: 'job_found' })).statusCode).toBe(403);
    const lacking = await send(manager, 'POST', `/api/v1/cases/${id}/close`, { outcome: 'business_created', business: { jobsWomen: 2 } });
    expect(lacking.statusCode).toBe(422);
    expect(lacking.json()).toMatchObject({ code: 'case.outcome_details_missing' });
    expect(lacking.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/business/businessCreatedOn', '/business/legalForm']);
    const closed = CaseDetailView.parse(
      (await send(manager, 'POST', `/api/v1/cases/${id}/close`, { outcome: 'business_created', business: { businessCreatedOn: '2026-10-01', legalForm: 'SARL', jobsWomen: 2, jobsMen: 1 } })).json(),
    );
    expect(closed).toMatchObject({ status: 'closed', outcome: { outcome: 'business_created', businessCreatedOn: '2026-10-01', jobsWomen: 2, jobsMen: 1 } });
    expect(closed.closedAt).not.toBeNull();
    expect((await lastAudit(t)).action).toBe('case.closed');
    expect((await send(manager, 'POST', `/api/v1/cases/${id}/close`, { outcome: 'job_found' })).json().code).toBe('case.already_closed');
    expect((await send(coach, 'PATCH', `/api/v1/cases/${id}`, { priority: 'low' })).json().code).toBe('case.already_closed');
    expect((await send(coach, 'POST', `/api/v1/cases/${id}/stage`, { toStage: 'identification' })).json().code).toBe('case.already_closed');
  });

  it('the board groups open business projects of my desks by stage, with complete counts', async () => {
    const board = CaseBoardView.parse((await get(coach, '/api/v1/cases/board?perColumn=2')).json());
    expect(board.columns.map((c) => c.stage)).toEqual(['idea', 'identification', 'elaboration', 'formalisation', 'creation', 'follow_up']);
    const { rows } = await sql<{ stage: string; n: number }>`
      select b.stage, count(*)::int as n from support_case c join business_project b on b.case_id = c.id
      where c.desk_id = ${ids[DESKS.diourbel]} and c.status <> 'closed' group by b.stage`.execute(t.db);
    for (const column of board.columns) {
      const expected = rows.find((r) => r.stage === column.stage)?.n ?? 0;
      expect(column.count).toBe(expected);
      expect(column.items.length).toBe(Math.min(2, expected));
      for (const item of column.items) expect(item.stage).toBe(column.stage);
    }
    expect(board.columns[0]!.count).toBeGreaterThan(2);
  });
});
