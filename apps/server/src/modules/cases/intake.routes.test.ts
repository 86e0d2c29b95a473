import { IntakeOptionsView, IntakeReceiptView, INTAKE_POLICY_VERSION, REFERENCE_PATTERN } from '@glocal/contracts';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { createAuditTrail } from '../../platform/audit/audit-trail.js';
import { createFieldCipher } from '../../platform/crypto/field-encryption.js';
import { createLookupHasher } from '../../platform/crypto/lookup-hash.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { intakeRepository } from './intake.repository.js';
import { caseNeedContext, personContext } from './people.service.js';

const KEY = Buffer.alloc(32, 7);

describe('public intake', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  const ids: Record<string, string> = {};
  let address = 0;
  /** Each test submits from its own client address, so the per-address limit stays each test's own. */
  const submit = (payload: unknown, remoteAddress = `192.0.2.${++address}`) =>
    t.inject({ method: 'POST', url: '/api/v1/intake', payload: payload as object, remoteAddress });
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  const counts = () => Promise.all(['person', 'support_case', 'consent', 'business_project', 'audit_event'].map(count));

  const business = (overrides: Record<string, unknown> = {}) => ({
    requestKind: 'business_project',
    person: {
      givenName: 'Aïssatou',
      familyName: 'Ndiaye-Sow',
      email: 'aissatou.fictive@example.org',
      phone: '+32 470 12 34 56',
      birthDate: '1990-04-17',
      languages: ['fr', 'wo'],
      gender: 'female',
      residenceTerritoryId: ids['BE-BRU'],
      originTerritoryId: ids['SN-DB-DIO'],
    },
    need: 'Je voudrais ouvrir une boutique de couture à Diourbel',
    businessProject: {
      idea: 'Atelier de couture et vente de tissus',
      isicSection: 'C',
      isicDivision: '14',
      setupTerritoryId: ids['SN-DB-DIO'],
      funds: { currency: 'EUR', own: '1500', needed: '5000.50' },
    },
    locale: 'fr',
    consent: { processing: true, policyVersion: INTAKE_POLICY_VERSION },
    ...overrides,
  });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url, ENCRYPTION_KEY: KEY.toString('base64'), INTAKE_RATE_LIMIT_PER_HOUR: '3' } });
    await seedDemo(t.db);
    for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) ids[row.code] = row.id;
    for (const row of (await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db)).rows) ids[row.name] = row.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('stores person, processing consent, new case and business project in one go, answers a reference and e-mails it in French', async () => {
    const response = await submit(business());
    expect(response.statusCode, response.body).toBe(201);
    const receipt = IntakeReceiptView.parse(response.json());
    expect(receipt.reference).toMatch(REFERENCE_PATTERN);
    // Derived from the territory of residence (Brussels).
    expect(receipt).toMatchObject({ deskName: 'Guichet migrants entrepreneurs Bruxelles', confirmationEmail: true });

    const supportCase = await t.db.selectFrom('supportCase').selectAll().where('reference', '=', receipt.reference).executeTakeFirstOrThrow();
    expect(supportCase).toMatchObject({ status: 'new', requestKind: 'business_project', deskId: ids['Guichet migrants entrepreneurs Bruxelles'], intakeLocale: 'fr', source: 'intake_form' });
    const person = await t.db.selectFrom('person').selectAll().where('id', '=', supportCase.personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ givenName: 'Aïssatou', normalisedName: 'aissatou ndiaye sow', preferredLocale: 'fr', languages: ['fr', 'wo'], gender: 'female' });
    const consent = await t.db.selectFrom('consent').selectAll().where('caseId', '=', supportCase.id).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ kind: 'processing', legalBasis: 'consent', method: 'online_form', policyVersion: INTAKE_POLICY_VERSION, personId: person.id });
    const project = await t.db.selectFrom('businessProject').selectAll().where('caseId', '=', supportCase.id).executeTakeFirstOrThrow();
    expect(project).toMatchObject({ stage: 'idea', isicSection: 'C', isicDivision: '14', ownFundsAmount: '1500.00', neededAmount: '5000.50', currency: 'EUR' });

    const audit = (await sql<{ action: string; details: Record<string, unknown>; subjectId: string }>`
      select action, details, subject_id from audit_event where action = 'intake.submitted' order by seq desc limit 1`.execute(t.db)).rows[0]!;
    expect(audit.subjectId).toBe(supportCase.id);
    expect(JSON.stringify(audit.details)).not.toMatch(/aissatou|470|1990|couture/i);

    const mail = await smtp.waitFor((m) => m.to.includes('aissatou.fictive@example.org'));
    expect(mail.headers['content-language']).toBe('fr');
    expect(mail.subject).toContain(receipt.reference);
    expect(mail.text).toContain('Bonjour Aïssatou');
  });

  it('keeps no plaintext e-mail, phone, date of birth or need in the raw person and support_case rows (raw-table encryption test)', async () => {
    const payload = business({ need: 'Besoin très personnel: fonds pour la santé de ma mère' });
    const response = await submit(payload);
    expect(response.statusCode).toBe(201);
    const { reference } = IntakeReceiptView.parse(response.json());
    const raw = (await sql<Record<string, unknown>>`
      select p.*, c.* from support_case c join person p on p.id = c.person_id where c.reference = ${reference}`.execute(t.db)).rows[0]!;
    const rawText = JSON.stringify(raw);
    for (const secret of ['aissatou.fictive@example.org', 'example.org', '470 12 34 56', '32470123456', '1990-04-17', 'santé de ma mère', 'personnel']) {
      expect(rawText, secret).not.toContain(secret);
    }
    // The stored values are ciphertexts under the key's version, bound to their row and column.
    const person = await t.db.selectFrom('person').selectAll().where('id', '=', raw.personId as string).executeTakeFirstOrThrow();
    const supportCase = await t.db.selectFrom('supportCase').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(person.emailEncrypted).toMatch(/^v1\./);
    const cipher = createFieldCipher(KEY);
    expect(cipher.decrypt(person.emailEncrypted!, personContext('email', person.id))).toBe('aissatou.fictive@example.org');
    expect(cipher.decrypt(person.phoneEncrypted!, personContext('phone', person.id))).toBe('+32 470 12 34 56');
    expect(cipher.decrypt(person.birthDateEncrypted!, personContext('birth_date', person.id))).toBe('1990-04-17');
    expect(cipher.decrypt(supportCase.needEncrypted!, caseNeedContext(supportCase.id))).toBe(payload.need);
    // Moved onto another row, a ciphertext no longer opens.
    expect(() => cipher.decrypt(person.emailEncrypted!, personContext('email', supportCase.id))).toThrow();
    // Look-ups go through keyed hashes of the normalised value.
    const hasher = createLookupHasher(KEY);
    expect(person.emailHash).toBe(hasher.hash('email', 'AISSATOU.fictive@example.org '));
    expect(person.phoneHash).toBe(hasher.hash('phone', '0032470123456'));
  });

  it('without consent to processing answers 400 problem+json on /consent/processing and stores nothing', async () => {
    const before = await counts();
    for (const consent of [{ processing: false, policyVersion: INTAKE_POLICY_VERSION }, { policyVersion: INTAKE_POLICY_VERSION }, undefined]) {
      const response = await submit(business({ consent, person: { ...business().person, email: 'no-consent@example.org' } }));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = response.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContainEqual(expect.stringMatching(/^\/consent/));
    }
    expect(await counts()).toEqual(before);
    const { rows } = await sql`select 1 from person p where p.email_hash = ${createLookupHasher(KEY).hash('email', 'no-consent@example.org')}`.execute(t.db);
    expect(rows).toHaveLength(0);
  });

  it('points each invalid field out: contact, ISIC division outside its section, unknown territory, amount as a float', async () => {
    const noContact = await submit(business({ person: { ...business().person, email: '', phone: undefined } }));
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/person/email');

    const wrongDivision = await submit(business({ businessProject: { ...business().businessProject, isicSection: 'A', isicDivision: '14' } }));
    expect(wrongDivision.statusCode).toBe(400);
    expect(wrongDivision.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/businessProject/isicDivision');

    const floatAmount = await submit(business({ businessProject: { ...business().businessProject, funds: { currency: 'XOF', own: 1500.5 } } }));
    expect(floatAmount.statusCode).toBe(400);
    expect(floatAmount.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/businessProject/funds/own');

    const before = await counts();
    const unknownTerritory = await submit(business({ person: { ...business().person, residenceTerritoryId: '00000000-0000-4000-8000-000000000000' } }));
    expect(unknownTerritory.statusCode).toBe(400);
    expect(unknownTerritory.json()).toMatchObject({ code: 'intake.unknown_territory', errors: [{ pointer: '/person/residenceTerritoryId', code: 'unknown_territory' }] });
    expect(await counts()).toEqual(before);
  });

  it('takes a request of another kind at the desk the person chose, without a business project', async () => {
    const response = await submit({
      requestKind: 'job',
      person: { givenName: 'Moussa', phone: '+39 333 000 1111', residenceTerritoryId: ids['IT-34'] },
      need: 'Cerco lavoro come saldatore',
      deskId: ids['CAIM Mbacké'],
      locale: 'it',
      consent: { processing: true, policyVersion: INTAKE_POLICY_VERSION },
    });
    expect(response.statusCode, response.body).toBe(201);
    const receipt = IntakeReceiptView.parse(response.json());
    expect(receipt).toMatchObject({ deskName: 'CAIM Mbacké', confirmationEmail: false });
    const supportCase = await t.db.selectFrom('supportCase').selectAll().where('reference', '=', receipt.reference).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('businessProject').select('caseId').where('caseId', '=', supportCase.id).executeTakeFirst()).toBeUndefined();

    const unknownDesk = await submit({ ...business(), deskId: ids['Huilerie artisanale du Baol'] });
    expect(unknownDesk.statusCode).toBe(400);
    expect(unknownDesk.json()).toMatchObject({ code: 'intake.desk_not_found', errors: [{ pointer: '/deskId' }] });
  });

  it('a filled honeypot is answered like a success, but nothing is stored and no e-mail is sent', async () => {
    const before = await counts();
    const response = await submit(business({ website: 'http://spam.example', person: { ...business().person, email: 'bot@example.org' } }));
    expect(response.statusCode).toBe(201);
    const receipt = IntakeReceiptView.parse(response.json());
    expect(receipt.reference).toMatch(REFERENCE_PATTERN);
    expect(await counts()).toEqual(before);
    expect(await t.db.selectFrom('supportCase').select('id').where('reference', '=', receipt.reference).executeTakeFirst()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.some((m) => m.to.includes('bot@example.org'))).toBe(false);
  });

  it('limits submissions per client address (429 with Retry-After), whatever the answer, other addresses unaffected', async () => {
    const from = '198.51.100.7';
    for (let i = 0; i < 3; i++) expect((await submit(business(), from)).statusCode).toBe(201);
    const before = await counts();
    const limited = await submit(business(), from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect((await submit(business(), '198.51.100.8')).statusCode).toBe(201);
  });

  it('submissions sent at once each get their own answer: one address counted one by one, a failing one fails alone, the audit chain holds', async () => {
    // Sent together, they share the statements that check and write them (batchWhileBusy).
    await sql`create function intake_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(t.db);
    await sql`create trigger intake_test_refuse before insert on business_project for each row when (new.idea = 'Refusée par le test') execute function intake_test_refuse()`.execute(t.db);
    const before = await counts();
    try {
      const sameAddress = Array.from({ length: 5 }, (_, i) => submit(business({ person: { ...business().person, email: `ensemble${i}@example.org` } }), '198.51.100.20'));
      const others = Array.from({ length: 6 }, (_, i) => submit(business({ person: { ...business().person, email: `autre${i}@example.org` } })));
      const failing = submit(business({ businessProject: { ...business().businessProject, idea: 'Refusée par le test' } }));
      const [fromOne, fromOthers, failed] = await Promise.all([Promise.all(sameAddress), Promise.all(others), failing]);

      expect(fromOne.map((response) => response.statusCode).sort()).toEqual([201, 201, 201, 429, 429]);
      expect(fromOthers.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(failed.statusCode).toBe(500);
      const references = [...fromOne, ...fromOthers].filter((response) => response.statusCode === 201).map((response) => IntakeReceiptView.parse(response.json()).reference);
      expect(new Set(references).size).toBe(9);
      const stored = await t.db.selectFrom('supportCase').select('reference').where('reference', 'in', references).execute();
      expect(stored).toHaveLength(9);
      expect(await counts()).toEqual(before.map((n) => n + 9));
    } finally {
      await sql`drop trigger intake_test_refuse on business_project`.execute(t.db);
      await sql`drop function intake_test_refuse()`.execute(t.db);
    }
    expect(await createAuditTrail().verify(t.db)).toMatchObject({ ok: true });
  });

  it('checks many submissions in one statement, each on its own: counts per client in order, its territories, its desk', async () => {
    const now = new Date();
    const base = { territoryIds: [ids['BE-BRU']!], deskId: null, residenceTerritoryId: ids['BE-BRU']!, normalisedName: 'personne inconnue', emailHash: 'x', phoneHash: null, birthDateHash: null };
    const admissions = await intakeRepository(t.db).admit(now, new Date(now.getTime() - 3_600_000), [
      { ...base, throttleKey: 'intake:test:a' },
      { ...base, throttleKey: 'intake:test:b', residenceTerritoryId: ids['SN-DB-BAM']!, territoryIds: [ids['SN-DB-BAM']!, '00000000-0000-4000-8000-000000000000'] },
      { ...base, throttleKey: 'intake:test:a', deskId: ids['CAIM Mbacké']! },
      { ...base, throttleKey: 'intake:test:a', deskId: ids['Huilerie artisanale du Baol']! },
    ]);
    expect(admissions.map((admission) => admission.submissions)).toEqual([1, 1, 2, 3]);
    expect(admissions.map((admission) => admission.desk?.name ?? null)).toEqual(['Guichet migrants entrepreneurs Bruxelles', 'CAIM Diourbel', 'CAIM Mbacké', null]);
    expect([...admissions[1]!.known]).toEqual([ids['SN-DB-BAM']]);
    expect(admissions.every((admission) => admission.candidates.length === 0)).toBe(true);
  });

  it('references are random and distinct, never in sequence', async () => {
    const references = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const response = await submit(business({ person: { ...business().person, email: `r${i}@example.org` } }));
      references.add(IntakeReceiptView.parse(response.json()).reference);
    }
    expect(references.size).toBe(6);
    const bodies = [...references].map((r) => r.replace(/-/g, '').slice(3));
    // Consecutive submissions share no common prefix beyond chance: not a counter.
    expect(new Set(bodies.map((b) => b.slice(0, 4))).size).toBeGreaterThan(3);
  });

  it('lists the options the form needs: help desks with their territories, territories, kinds, currencies, sectors', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/intake/options?locale=fr' });
    expect(response.statusCode).toBe(200);
    const options = IntakeOptionsView.parse(response.json());
    expect(options.desks.map((d) => d.name)).toEqual(['CAIM Diourbel', 'CAIM Mbacké', 'Guichet migrants entrepreneurs Bruxelles', 'Sportello migranti imprenditori Veneto']);
    expect(options.desks.find((d) => d.name === 'CAIM Diourbel')!.territoryIds).toEqual(expect.arrayContaining([ids['SN-DB-DIO'], ids['SN-DB-BAM']]));
    expect(options.territories.find((x) => x.code === 'IT-34')!.name).toBe('Vénétie');
    expect(options.currencies).toEqual(expect.arrayContaining(['EUR', 'XOF']));
    expect(options.sectors).toHaveLength(21);
    expect(options.sectors.flatMap((s) => s.divisions)).toHaveLength(88);
  });

  it('sends its options compressed to a phone that accepts it (brotli, else gzip), and the same options', async () => {
    const url = '/api/v1/intake/options?locale=fr';
    const plain = await t.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(zlib.brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());
    const gzip = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
    // A short answer is not worth compressing.
    const receipt = await submit(business({ person: { ...business().person, email: 'court@example.org' } }));
    expect(receipt.headers['content-encoding']).toBeUndefined();
  });

  it('writes all of a submission or nothing: a failure in its last insert leaves no row, and its audit entry is appended once', async () => {
    // The business project's first stage is the last of the submission's inserts: make it fail.
    await sql`create function intake_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(t.db);
    await sql`create trigger intake_test_refuse before insert on business_stage_transition for each row execute function intake_test_refuse()`.execute(t.db);
    const before = await counts();
    try {
      expect((await submit(business({ person: { ...business().person, email: 'tout.ou.rien@example.org' } }))).statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger intake_test_refuse on business_stage_transition`.execute(t.db);
      await sql`drop function intake_test_refuse()`.execute(t.db);
    }
    expect((await submit(business())).statusCode).toBe(201);
    const after = await counts();
    expect(after).toEqual(before.map((n) => n + 1));
    expect(await createAuditTrail().verify(t.db)).toMatchObject({ ok: true });
  });
});
