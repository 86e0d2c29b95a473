import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createPeopleProtection } from '../src/modules/cases/index.js';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.js';
import { createLookupHasher } from '../src/platform/crypto/lookup-hash.js';
import type { Database } from '../src/platform/db/database.js';

/** One key for the test app and these factories, so what they encrypt the app can read. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
const key = Buffer.from(TEST_ENCRYPTION_KEY, 'base64');
export const testCipher = createFieldCipher(key);
export const testLookupHasher = createLookupHasher(key);
const people = createPeopleProtection({ cipher: testCipher, lookupHasher: testLookupHasher });

export const newReference = () => `GLC-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)!.join('-')}`;

export async function idOf(db: Database, table: 'organisation' | 'app_user', column: 'name' | 'email', value: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
  if (!rows[0]) throw new Error(`no ${table} with ${column} ${value}`);
  return rows[0].id;
}

export type CaseFixture = { caseId: string; personId: string; reference: string; deskId: string };

/**
 * A person and their business-project case led by `deskName`, as intake would have stored them
 * (encrypted fields, keyed hashes, consent to processing), written straight to the database.
 */
export async function createCaseAt(
  db: Database,
  deskName: string,
  person: { givenName?: string; familyName?: string; email?: string; phone?: string; birthDate?: string; preferredLocale?: string; need?: string; coachEmail?: string } = {},
): Promise<CaseFixture> {
  const deskId = await idOf(db, 'organisation', 'name', deskName);
  const coachId = person.coachEmail ? await idOf(db, 'app_user', 'email', person.coachEmail) : null;
  return db.transaction().execute(async (trx) => {
    const row = await people.create(trx, {
      givenName: person.givenName ?? 'Aminata',
      familyName: person.familyName ?? 'Testperson',
      email: person.email,
      phone: person.phone ?? '+32 470 12 34 56',
      birthDate: person.birthDate ?? '1990-04-12',
      residenceStatus: 'permit_pending',
      preferredLocale: person.preferredLocale ?? 'fr',
      languages: ['fr', 'wo'],
      gender: 'female',
    });
    const reference = newReference();
    const caseId = crypto.randomUUID();
    await trx
      .insertInto('supportCase')
      .values({
        id: caseId, reference, personId: row.id, deskId, requestKind: 'business_project', status: 'active', assignedCoachId: coachId,
        needEncrypted: people.encryptNeed(caseId, person.need ?? 'Ouvrir une boutique de couture à Diourbel'),
      })
      .execute();
    await trx.insertInto('businessProject').values({ caseId, idea: 'Atelier de couture et vente de tissus', stage: 'elaboration', currency: 'EUR', ownFundsAmount: '2500.00', neededAmount: '8000.00' }).execute();
    await trx
      .insertInto('consent')
      .values({ personId: row.id, caseId, kind: 'processing', purpose: 'Follow the request at the desk', legalBasis: 'consent', method: 'online_form', policyVersion: '2026-12' })
      .execute();
    return { caseId, personId: row.id, reference, deskId };
  });
}

/** A referral consent body that covers a referral to `deskId`. */
export const referralConsent = (deskId: string, overrides: Record<string, unknown> = {}) => ({
  recipientDeskId: deskId,
  dataCategories: ['identity', 'contact', 'request', 'business_project', 'documents'],
  purpose: 'Set up the business in Diourbel with the help of the CAIM',
  validUntil: '2030-12-31',
  method: 'in_person',
  legalBasis: 'consent',
  ...overrides,
});

/** One file part named `file`, as a browser's FormData would send it. */
export function multipartFile(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----glocal${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Small real files of each kind, and a Windows executable to disguise. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
};
