import { AuditEventList, AuditVerificationView, type AuditEventView } from '@glocal/contracts';

const OFFICER_ID = '20000000-0000-4000-8000-000000000010';

let seq = 100;

/** One audit entry, checked against the contract. */
export function auditEvent(overrides: Partial<AuditEventView> = {}): AuditEventView {
  seq -= 1;
  return {
    seq,
    occurredAt: '2026-11-24T09:30:00.000Z',
    actorUserId: OFFICER_ID,
    actorLabel: 'officer.diourbel@glocal.test',
    action: 'auth.signed_in',
    subjectType: null,
    subjectId: null,
    organisationId: null,
    outcome: 'success',
    details: {},
    ip: '127.0.0.1',
    requestId: 'req-1',
    hash: 'a'.repeat(64),
    ...overrides,
  };
}

export function auditPage(items: AuditEventView[], nextCursor: string | null = null) {
  return AuditEventList.parse({ items, nextCursor });
}

export function verification(overrides: Partial<ReturnType<typeof AuditVerificationView.parse>> = {}) {
  return AuditVerificationView.parse({ ok: true, entries: 42, ...overrides });
}

export { OFFICER_ID };
