import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp } from './build-test-app.js';
import { signIn, type Session } from './sign-in.js';

/** Demo ids by name (organisations), e-mail (users) and code (territories). */
/** The demo's case staff, signed in: Diourbel's coach and manager, and the Brussels and Veneto coaches. */
export async function signInCaseStaff(t: TestApp): Promise<[coach: Session, manager: Session, brussels: Session, veneto: Session]> {
  return Promise.all([
    signIn(t, 'coach.diourbel@glocal.test'),
    signIn(t, 'manager.diourbel@glocal.test'),
    signIn(t, 'coach.brussels@glocal.test'),
    signIn(t, 'coach.veneto@glocal.test'),
  ]);
}

export async function demoIds(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const row of (await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db)).rows) ids[row.name] = row.id;
  for (const row of (await sql<{ id: string; email: string }>`select id, email from app_user`.execute(t.db)).rows) ids[row.email] = row.id;
  for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) ids[row.code] = row.id;
  return ids;
}

export const DESKS = {
  diourbel: 'CAIM Diourbel',
  mbacke: 'CAIM Mbacké',
  brussels: 'Guichet migrants entrepreneurs Bruxelles',
  veneto: 'Sportello migranti imprenditori Veneto',
} as const;

let counter = 0;

/** A walk-in case opened through the API (so the person's fields are encrypted by the app itself). */
export async function openCase(
  t: TestApp,
  session: Session,
  deskId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; person: { id: string } }> {
  counter += 1;
  const response = await t.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: session.headers,
    payload: {
      deskId,
      requestKind: 'business_project',
      idea: 'A poultry farm near Touba',
      person: { givenName: `Awa${counter}`, familyName: 'Diop', email: `awa${counter}@example.test`, phone: '+221 77 000 00 01', preferredLocale: 'fr' },
      processingConsent: { method: 'in_person', policyVersion: '2026-12-01' },
      ...overrides,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/**
 * Shares a case with another desk as an accepted referral from that desk to the lead would leave
 * it (the collaboration engineer's flow): a referral consent, the referral and the standing share,
 * written directly. The referring desk keeps read access.
 */
export async function shareCase(t: TestApp, caseId: string, withDeskId: string) {
  const supportCase = (await sql<{ personId: string; deskId: string }>`select person_id, desk_id from support_case where id = ${caseId}`.execute(t.db)).rows[0]!;
  const partnership = (await sql<{ id: string }>`select id from partnership limit 1`.execute(t.db)).rows[0]!;
  const consent = (
    await sql<{ id: string }>`insert into consent (person_id, case_id, kind, purpose, data_categories, recipient_desk_id, recipient_country, legal_basis, method)
      values (${supportCase.personId}, ${caseId}, 'referral', 'follow_up', '{identity,request}', ${withDeskId}, 'BE', 'consent', 'in_person') returning id`.execute(t.db)
  ).rows[0]!;
  const referral = (
    await sql<{ id: string }>`insert into referral (case_id, from_desk_id, to_desk_id, partnership_id, consent_id, purpose, status, decided_at)
      values (${caseId}, ${withDeskId}, ${supportCase.deskId}, ${partnership.id}, ${consent.id}, 'follow_up', 'accepted', now()) returning id`.execute(t.db)
  ).rows[0]!;
  await sql`insert into case_share (case_id, desk_id, referral_id, consent_id) values (${caseId}, ${withDeskId}, ${referral.id}, ${consent.id})`.execute(t.db);
  return { consentId: consent.id, referralId: referral.id };
}

/** A document row of the case, as the documents service would write after storing the file. */
export async function addDocument(t: TestApp, caseId: string, kind: 'business_plan' | 'financing_plan') {
  counter += 1;
  return (
    await sql<{ id: string }>`insert into case_document (case_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
      values (${caseId}, ${kind}, ${`${kind}.pdf`}, 'application/pdf', 1234, ${'0'.repeat(64)}, ${`test-${counter}-${Math.random()}`}) returning id`.execute(t.db)
  ).rows[0]!.id;
}

export const lastAudit = async (t: TestApp) =>
  (await sql<{ action: string; details: any; subjectId: string | null; organisationId: string | null }>`
    select action, details, subject_id, organisation_id from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
