import { DeskWorkloadView, OutcomeSummaryView, OutcomeView } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { DESKS, demoIds, lastAudit, openCase, shareCase, signInCaseStaff } from '../../../test/case-work-factories.js';
import type { Session } from '../../../test/sign-in.js';

describe('outcomes, outcome counts per desk and the desk workload', () => {
  let t: TestApp;
  let coach: Session;
  let manager: Session;
  let brussels: Session;
  let veneto: Session;
  let ids: Record<string, string>;
  const get = (session: Session, url: string) => t.inject({ method: 'GET', url, headers: session.headers });
  const send = (session: Session, method: 'POST' | 'PUT', url: string, payload: object) => t.inject({ method, url, headers: session.headers, payload });
  const summary = async (session: Session, desk: string) => OutcomeSummaryView.parse((await get(session, `/api/v1/cases/outcomes/summary?deskId=${ids[desk]}`)).json());

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [coach, manager, brussels, veneto] = await signInCaseStaff(t);
    ids = await demoIds(t);
  });
  afterAll(() => t.close());

  it('records a business created and a micro-credit in XOF from a partner institution; a shared case counts for both desks', async () => {
    const before = { diourbel: await summary(coach, DESKS.diourbel), brussels: await summary(brussels, DESKS.brussels) };
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    await shareCase(t, id, ids[DESKS.brussels]!);

    const outcome = OutcomeView.parse((await send(coach, 'PUT', `/api/v1/cases/${id}/outcome`, { businessCreatedOn: '2026-11-15', legalForm: 'GIE', jobsWomen: 3, jobsMen: 1, notes: 'Son mari a quitté Touba' })).json());
    expect(outcome).toMatchObject({ outcome: null, businessCreatedOn: '2026-11-15', legalForm: 'GIE', jobsWomen: 3, jobsMen: 1, jobsOther: null });
    const recorded = await lastAudit(t);
    expect(recorded.action).toBe('case_outcome.recorded');
    // The trail cannot be erased: it keeps the notes' length, never their text.
    expect(recorded.details.changes.notes).toEqual({ after: { length: 23 } });
    expect(JSON.stringify(recorded.details)).not.toContain('Touba');
    const credit = await send(coach, 'POST', `/api/v1/cases/${id}/financing`, {
      kind: 'micro_credit', amount: '1500000', currency: 'XOF', sourceOrganisationId: ids['Mutuelle d’épargne et de crédit du Baol'], fromRemittances: false, obtainedOn: '2026-11-10',
    });
    expect(credit.statusCode).toBe(201);
    expect(credit.json()).toMatchObject({ amount: '1500000.00', currency: 'XOF', sourceOrganisationName: 'Mutuelle d’épargne et de crédit du Baol' });
    const savings = await send(coach, 'POST', `/api/v1/cases/${id}/financing`, { kind: 'own_savings', amount: '2000.50', currency: 'EUR', sourceName: 'Family in Brussels', fromRemittances: true });
    expect(savings.statusCode).toBe(201);

    for (const [session, desk, key] of [[coach, DESKS.diourbel, 'diourbel'], [brussels, DESKS.brussels, 'brussels']] as const) {
      const after = await summary(session, desk);
      expect(after.cases - before[key].cases).toBe(1);
      expect(after.businessesCreated - before[key].businessesCreated).toBe(1);
      expect(after.jobs.women - before[key].jobs.women).toBe(3);
      expect(after.financing.find((f) => f.currency === 'XOF')).toMatchObject({ amount: '1500000.00', count: 1, fromRemittances: '0' });
      expect(after.financing.find((f) => f.currency === 'EUR')).toMatchObject({ amount: '2000.50', fromRemittances: '2000.50' });
    }
    // Veneto took no part: nothing of it counts there.
    expect((await summary(veneto, DESKS.veneto)).financing).toEqual([]);
    // The shared desk reads the counts but cannot record on the case.
    expect((await send(brussels, 'PUT', `/api/v1/cases/${id}/outcome`, { jobsOther: 1 })).statusCode).toBe(403);
    // Counts of a desk one does not work at are refused.
    expect((await get(veneto, `/api/v1/cases/outcomes/summary?deskId=${ids[DESKS.diourbel]}`)).statusCode).toBe(403);
  });

  it('refuses floats, too many decimals for the currency, unknown currencies and sources', async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    const post = (body: object) => send(coach, 'POST', `/api/v1/cases/${id}/financing`, { kind: 'grant', sourceName: 'ADEPME', ...body });
    expect((await post({ amount: 1500.5, currency: 'EUR' })).statusCode).toBe(400);
    expect((await post({ amount: '1e6', currency: 'EUR' })).statusCode).toBe(400);
    const precise = await post({ amount: '100.5', currency: 'XOF' });
    expect(precise.statusCode).toBe(422);
    expect(precise.json()).toMatchObject({ code: 'case.amount_too_precise', errors: [{ pointer: '/amount' }] });
    expect((await post({ amount: '100', currency: 'ABC' })).json().code).toBe('case.unknown_currency');
    expect((await post({ amount: '100', currency: 'EUR', sourceOrganisationId: '00000000-0000-4000-8000-000000000000' })).json().code).toBe('case.organisation_not_found');
    expect((await send(coach, 'POST', `/api/v1/cases/${id}/financing`, { kind: 'grant', amount: '1', currency: 'EUR' })).json().errors).toEqual([expect.objectContaining({ pointer: '/sourceName' })]);
  });

  it('closed cases count per outcome', async () => {
    const before = await summary(manager, DESKS.diourbel);
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!, { requestKind: 'job', idea: undefined });
    expect((await send(manager, 'POST', `/api/v1/cases/${id}/close`, { outcome: 'job_found' })).statusCode).toBe(200);
    expect((await summary(manager, DESKS.diourbel)).byOutcome.job_found).toBe((before.byOutcome.job_found ?? 0) + 1);
  });

  it("a desk manager sees open cases per coach and per stage and overdue tasks; coaches may not", async () => {
    const { id } = await openCase(t, coach, ids[DESKS.diourbel]!);
    await send(manager, 'POST', `/api/v1/cases/${id}/assign`, { coachId: ids['coach.diourbel@glocal.test'] });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await send(coach, 'POST', `/api/v1/cases/${id}/tasks`, { title: 'Overdue call', dueOn: yesterday });
    const workload = DeskWorkloadView.parse((await get(manager, '/api/v1/cases/workload')).json());
    expect(workload.deskId).toBe(ids[DESKS.diourbel]);
    const mamadou = workload.coaches.find((c) => c.coach.id === ids['coach.diourbel@glocal.test'])!;
    expect(mamadou.openCases).toBeGreaterThanOrEqual(1);
    expect(mamadou.byStage.idea).toBeGreaterThanOrEqual(1);
    expect(mamadou.overdueTasks).toBe(1);
    expect(workload.openCases).toBe(workload.unassigned + workload.coaches.reduce((n, c) => n + c.openCases, 0));
    expect(workload.overdueTasks).toBeGreaterThanOrEqual(1);
    expect((await get(coach, '/api/v1/cases/workload')).statusCode).toBe(403);
    expect((await get(manager, `/api/v1/cases/workload?deskId=${ids[DESKS.brussels]}`)).statusCode).toBe(403);
  });
});
