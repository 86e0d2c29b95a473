import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, testConfig, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { runCorridorAlertsRecheck } from './corridor-alerts.js';
import { addPrice } from './remittances.fixtures.js';
import { addDays } from './remittances.service.js';

const today = new Date().toISOString().slice(0, 10);

describe('the daily re-check of followed corridors', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let veneto: Session, brussels: Session;
  const recheck = (day: string) => runCorridorAlertsRecheck(t.db, testConfig({ SMTP_URL: smtp.url }), { today: () => day });
  const mailsTo = (address: string) => smtp.messages.filter((mail) => mail.to.includes(address));

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    [veneto, brussels] = (await Promise.all([signIn(t, 'coach.veneto@glocal.test'), signIn(t, 'coach.brussels@glocal.test')])) as [Session, Session];
    // DE → SN, interbank 656: the cheapest was observed 175 days ago, so it drops from the rankings in 6 days.
    const deSn = { corridor: 'DE-SN', currencies: 'EUR/XOF', interbankRate: '656' } as const;
    await addPrice(t.db, { ...deSn, provider: 'Old Cheap', fee: { fixed: '0' }, rateOffered: '656', observedOn: addDays(today, -175) });
    await addPrice(t.db, { ...deSn, provider: 'Recent Dear', fee: { fixed: '5' }, rateOffered: '650', observedOn: addDays(today, -10) });
    // DE → ML: one recent price, nothing changes.
    await addPrice(t.db, { corridor: 'DE-ML', currencies: 'EUR/XOF', interbankRate: '656', provider: 'Steady', fee: { fixed: '3' }, rateOffered: '652', observedOn: addDays(today, -5) });
    for (const [session, to] of [[veneto, 'SN'], [brussels, 'ML']] as const) {
      const followed = await t.inject({ method: 'POST', url: '/api/v1/remittances/follows', headers: session.headers, payload: { from: 'DE', to } });
      expect(followed.statusCode, followed.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('while the cheapest option stands, writes to nobody', async () => {
    expect(await recheck(today)).toEqual({ corridors: 2, emails: 0, failed: 0 });
    expect(smtp.messages).toEqual([]);
  });

  it('when the cheapest price passes 180 days and drops, writes once to that corridor’s followers, audited', async () => {
    const later = addDays(today, 6);
    expect(await recheck(later)).toEqual({ corridors: 2, emails: 1, failed: 0 });
    const mail = await smtp.waitFor((m) => m.to.includes('coach.veneto@glocal.test'));
    expect(mail.subject).toBe('The cheapest way to send money from Germany to Senegal has changed');
    // USD 200 = EUR 184.50 (the demo's 0.9225); Recent Dear: (184.50 − 5) × 650 = 116,675 XOF;
    // total cost 5 / 184.50 × 100 + (1 − 650 / 656) × 100 = 2.710027 + 0.914634 = 3.62 %.
    expect(mail.text).toContain('Recent Dear (Standard)');
    expect(mail.text).toContain('116675 XOF');
    expect(mail.text).toContain('3.62 %');
    expect(mail.text).toContain('/send-money?from=DE&to=SN&amount=184.50&currency=EUR');
    expect(mailsTo('coach.brussels@glocal.test')).toEqual([]);
    const audit = (await sql<{ action: string; details: unknown }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db)).rows[0];
    expect(audit).toEqual({ action: 'remittance_alerts.rechecked', details: { asOf: later, corridors: 2, emails: 1, failed: 0 } });

    // The next day's round: the change was announced, nothing new.
    expect(await recheck(addDays(today, 7))).toEqual({ corridors: 2, emails: 0, failed: 0 });
    expect(mailsTo('coach.veneto@glocal.test')).toHaveLength(1);
  });

  it('a corridor nobody follows any more is not checked', async () => {
    expect((await t.inject({ method: 'DELETE', url: '/api/v1/remittances/follows/DE-ML', headers: brussels.headers })).statusCode).toBe(204);
    expect(await recheck(addDays(today, 8))).toEqual({ corridors: 1, emails: 0, failed: 0 });
  });
});
