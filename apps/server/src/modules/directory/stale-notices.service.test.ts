import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, TEST_PUBLIC_URL, testConfig, type TestApp } from '../../../test/build-test-app.js';
import { signIn } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { DEMO_SERVICE_IDS } from './directory.demo.js';
import { runStaleNotices } from './stale-notices.service.js';

const MUTUAL = DEMO_SERVICE_IDS.mutualReturneeCredit; // owned by the Mutuelle du Baol, in Diourbel
const MICROSTART = DEMO_SERVICE_IDS.microstartLoan; // no Glocal owner, in Brussels
const BCC = DEMO_SERVICE_IDS.bccMicrocredit; // no Glocal owner, in Veneto
// Who reviews the Diourbel service: the mutual's partner staff; CAIM Diourbel's coach and manager; ARD's officer.
const DIOURBEL_REVIEWERS = ['coach.diourbel@glocal.test', 'manager.diourbel@glocal.test', 'mfi.diourbel@glocal.test', 'officer.diourbel@glocal.test'];

describe('stale directory entries e-mailed to their owner and to the territory’s desk staff', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const round = () => runStaleNotices(t.db, testConfig({ SMTP_URL: smtp.url }));
  const mailsTo = (address: string) => smtp.messages.filter((mail) => mail.to.includes(address));
  const lastAudit = async () =>
    (await sql<{ action: string; details: any }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
  const noticeOf = async (serviceId: string) =>
    (await sql<{ lastVerified: string | null }>`select last_verified::text from directory_stale_notice where service_id = ${serviceId}`.execute(t.db)).rows[0];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    // Every entry checked today, so each test decides which ones are stale.
    await sql`update hsds_service set last_verified = current_date`.execute(t.db);
    await sql`update app_user set locale = 'fr' where email = 'mfi.diourbel@glocal.test'`.execute(t.db);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('with every service fresh, sends nothing', async () => {
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 0 });
    expect(smtp.messages).toEqual([]);
  });

  it('a stale service: its owner and each desk staff member and officer of its territory get one e-mail, in their language, linking to it; a re-run sends none', async () => {
    await sql`update hsds_service set last_verified = '2025-06-30' where id = ${MUTUAL}`.execute(t.db);

    expect(await round()).toEqual({ services: 1, emails: 4, failed: 0 });
    expect(smtp.messages.flatMap((mail) => mail.to).sort()).toEqual(DIOURBEL_REVIEWERS);
    const owner = mailsTo('mfi.diourbel@glocal.test');
    expect(owner).toHaveLength(1);
    expect(owner[0]!.subject).toBe('1 service est à vérifier dans l’annuaire Glocal');
    expect(owner[0]!.text).toContain(
      `- Microcrédit retour – Diourbel (Mutuelle d’épargne et de crédit du Baol), vérifiée pour la dernière fois le 30 juin 2025 : ${TEST_PUBLIC_URL}/directory/services/${MUTUAL}`,
    );
    const desk = mailsTo('coach.diourbel@glocal.test');
    expect(desk).toHaveLength(1);
    expect(desk[0]!.subject).toBe('1 service needs checking in the Glocal directory');
    expect(desk[0]!.text).toContain(`- Returnee micro-credit – Diourbel (Baol savings and credit mutual), last checked on June 30, 2025: ${TEST_PUBLIC_URL}/directory/services/${MUTUAL}`);
    // Fresh services are not mentioned; other territories' staff hear nothing.
    expect(desk[0]!.text.match(/^- /gm)).toHaveLength(1);
    expect(mailsTo('coach.brussels@glocal.test')).toEqual([]);
    expect(mailsTo('coach.mbacke@glocal.test')).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'directory.stale_notices_sent', details: { services: 1, serviceIds: [MUTUAL], emails: 4, failed: 0 } });
    expect(await noticeOf(MUTUAL)).toEqual({ lastVerified: '2025-06-30' });

    // Notified once per staleness period: nothing new to say.
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(4);
  });

  it('verifying the service ends its period: once stale again, it is e-mailed again', async () => {
    const partner = await signIn(t, 'mfi.diourbel@glocal.test');
    const verified = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${MUTUAL}`, headers: partner.headers, payload: { locale: 'fr', verified: true } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().stale).toBe(false);
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 0 });

    // A year on (its check date moved back), it is stale again.
    await sql`update hsds_service set last_verified = current_date - interval '13 months' where id = ${MUTUAL}`.execute(t.db);
    expect(await round()).toEqual({ services: 1, emails: 4, failed: 0 });
    expect(mailsTo('mfi.diourbel@glocal.test')).toHaveLength(2);
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 0 });
  });

  it('a service never checked says so, to the desk staff of its territory', async () => {
    await sql`update hsds_service set last_verified = null where id = ${BCC}`.execute(t.db);
    expect(await round()).toEqual({ services: 1, emails: 1, failed: 0 });
    const veneto = mailsTo('coach.veneto@glocal.test');
    expect(veneto).toHaveLength(1);
    expect(veneto[0]!.text).toMatch(new RegExp(`^- .+, never checked: ${TEST_PUBLIC_URL}/directory/services/${BCC}$`, 'm'));
    expect(await noticeOf(BCC)).toEqual({ lastVerified: null });
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 0 });
  });

  it('when every e-mail about a service fails, it is not marked: the next round tries again', async () => {
    await sql`update hsds_service set last_verified = '2024-01-31' where id = ${MICROSTART}`.execute(t.db);
    smtp.reject('coach.brussels@glocal.test');
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 1 });
    expect(await noticeOf(MICROSTART)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({ action: 'directory.stale_notices_sent', details: { services: 0, released: 1, failed: 1 } });
    // Still refused (the capture server keeps refusing): tried again, still not marked.
    expect(await round()).toEqual({ services: 0, emails: 0, failed: 1 });
    expect(await noticeOf(MICROSTART)).toBeUndefined();
  });
});
