import { CaseServiceReferralList, CaseServiceReferralView } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { demoIds, DESKS, lastAudit, openCase } from '../../../test/case-work-factories.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { DEMO_SERVICE_IDS } from './directory.demo.js';

describe('a coach refers a case to a directory service', () => {
  let t: TestApp;
  let coach: Session;
  let brussels: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [coach, brussels] = await Promise.all([signIn(t, 'coach.diourbel@glocal.test'), signIn(t, 'coach.brussels@glocal.test')]);
    const ids = await demoIds(t);
    caseId = (await openCase(t, coach, ids[DESKS.diourbel]!, { need: 'Credit for a tailoring workshop' })).id;
  });
  afterAll(() => t.close());

  it('links the service to the case, then records that the person got it; both audited; the case lists it', async () => {
    const created = await t.inject({
      method: 'POST',
      url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}/case-referrals?locale=en`,
      headers: coach.headers,
      payload: { caseId, note: 'Appointment on Monday' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const referral = CaseServiceReferralView.parse(created.json());
    expect(referral).toMatchObject({ caseId, serviceName: 'Returnee micro-credit – Diourbel', outcome: 'pending', outcomeAt: null });
    expect((await lastAudit(t)).action).toBe('case.service_referred');

    const updated = await t.inject({ method: 'PATCH', url: `/api/v1/directory/case-referrals/${referral.id}`, headers: coach.headers, payload: { outcome: 'received' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(CaseServiceReferralView.parse(updated.json())).toMatchObject({ outcome: 'received' });
    const audit = await lastAudit(t);
    expect(audit.action).toBe('case.service_referral_outcome');

    const list = CaseServiceReferralList.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/case-referrals?caseId=${caseId}`, headers: coach.headers })).json());
    expect(list.items.map((item) => [item.serviceId, item.outcome])).toEqual([[DEMO_SERVICE_IDS.mutualReturneeCredit, 'received']]);
    expect((await lastAudit(t)).action).toBe('case.service_referrals_read');
  });

  it('a coach of another desk can neither refer that case nor see its referrals (404)', async () => {
    const refer = await t.inject({ method: 'POST', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}/case-referrals`, headers: brussels.headers, payload: { caseId } });
    expect(refer.statusCode).toBe(404);
    const list = await t.inject({ method: 'GET', url: `/api/v1/directory/case-referrals?caseId=${caseId}`, headers: brussels.headers });
    expect(list.statusCode).toBe(404);
    const unknownService = await t.inject({ method: 'POST', url: '/api/v1/directory/services/00000000-0000-4000-8000-000000000000/case-referrals', headers: coach.headers, payload: { caseId } });
    expect(unknownService.statusCode).toBe(404);
    expect(unknownService.json().code).toBe('directory.service_not_found');
  });
});
