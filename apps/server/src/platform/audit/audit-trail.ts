import { createHash } from 'node:crypto';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { actorLabel, type AuditedActor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export type AuditEntry = {
  actor: AuditedActor | null;
  /** `domain.verb`: `auth.signed_in`, `organisation.updated`, `member.list_read`… */
  action: string;
  subject?: { type: string; id: string };
  organisationId?: string | null;
  outcome?: AuditOutcome;
  /** Before/after of changed fields, or what was read; never secrets (see `changedFields`). */
  details?: Record<string, unknown>;
  request?: { ip?: string; id?: string };
};

const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so a jsonb round trip (which reorders keys) hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type HashedFields = {
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
};

function canonicalEntry(fields: HashedFields): string {
  return canonical({ ...fields, occurredAt: fields.occurredAt.toISOString() });
}

/** sha256(previous hash || canonical entry): computed by the database on append, here on verify. */
function chainHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(fields)).digest('hex');
}

/** Fields whose values never enter the trail, whatever record they belong to. */
const SECRET_FIELDS = /password|secret|token|hash|recovery/i;

/**
 * Free text written about a person (a case outcome's notes): the trail is append-only and erasure
 * cannot reach it, so it keeps the text's length, not the text.
 */
const PERSONAL_TEXT_FIELDS = /^notes?$/i;
const textLength = (value: unknown) => (typeof value === 'string' ? { length: value.length } : value);

/** Before/after of the fields that changed, secrets masked, personal free text as its length. */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before?.[field];
    if (canonical(previous) === canonical(value)) continue;
    changes[field] = SECRET_FIELDS.test(field)
      ? { before: previous === undefined ? undefined : '[secret]', after: '[secret]' }
      : PERSONAL_TEXT_FIELDS.test(field)
        ? { before: textLength(previous), after: textLength(value) }
        : { before: previous instanceof Date ? previous.toISOString() : previous, after: value instanceof Date ? value.toISOString() : value };
  }
  return changes;
}

/** What an entry hashes, as it is stored: its time is now. */
function hashedFields(entry: AuditEntry): HashedFields {
  return {
    occurredAt: new Date(),
    actorUserId: entry.actor?.userId ?? null,
    actorLabel: actorLabel(entry.actor),
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    organisationId: entry.organisationId ?? null,
    outcome: entry.outcome ?? 'success',
    details: JSON.parse(JSON.stringify(entry.details ?? {})),
    ip: entry.request?.ip ?? null,
    requestId: entry.request?.id ?? null,
  };
}

/**
 * The call `audit_event_append(…)` for an entry (lock, last hash and insert, migration 202612010905),
 * its fields and canonical text built here only.
 */
export function auditAppendCall(entry: AuditEntry): RawBuilder<unknown> {
  const fields = hashedFields(entry);
  return sql`audit_event_append(
    ${fields.occurredAt}, ${fields.actorUserId}, ${fields.actorLabel}, ${fields.action}, ${fields.subjectType},
    ${fields.subjectId}, ${fields.organisationId}, ${fields.outcome}, ${JSON.stringify(fields.details)}::jsonb,
    ${fields.ip}, ${fields.requestId}, ${canonicalEntry(fields)})`;
}

/**
 * The appends of many entries in one statement whose text does not depend on their number (see the
 * intake): `from` is a row source of the entries, sent as one JSON parameter, and `call` appends
 * the row at hand; select `call` once per row of `from`.
 */
export function auditAppendEach(entries: AuditEntry[]): { from: RawBuilder<unknown>; call: RawBuilder<unknown> } {
  const rows = entries.map((entry) => {
    const fields = hashedFields(entry);
    return { ...fields, canonical: canonicalEntry(fields) };
  });
  return {
    from: sql`json_to_recordset(${JSON.stringify(rows)}::json) as audit_row("occurredAt" timestamptz, "actorUserId" uuid, "actorLabel" text,
      action text, "subjectType" text, "subjectId" text, "organisationId" uuid, outcome text, details jsonb, ip text, "requestId" text, canonical text)`,
    call: sql`audit_event_append(audit_row."occurredAt", audit_row."actorUserId", audit_row."actorLabel", audit_row.action, audit_row."subjectType",
      audit_row."subjectId", audit_row."organisationId", audit_row.outcome, audit_row.details, audit_row.ip, audit_row."requestId", audit_row.canonical)`,
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;

export function createAuditTrail() {
  return {
    /** Appends an entry in the caller's transaction: the change and its record commit together. */
    async record(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
      await sql`select ${auditAppendCall(entry)}`.execute(trx);
    },

    /** Recomputes the chain; names the first entry altered, or the first after a missing one. */
    async verify(db: Database): Promise<{ ok: true; entries: number } | { ok: false; entries: number; firstBadSeq: number; reason: 'altered' | 'missing_before' }> {
      let prevHash = GENESIS;
      let entries = 0;
      let afterSeq = 0;
      for (;;) {
        const rows = await db
          .selectFrom('auditEvent')
          .selectAll()
          .where('seq', '>', afterSeq)
          .orderBy('seq')
          .limit(1000)
          .execute();
        if (rows.length === 0) return { ok: true, entries };
        for (const row of rows) {
          if (row.prevHash !== prevHash) return { ok: false, entries, firstBadSeq: row.seq, reason: 'missing_before' };
          const { seq: _seq, prevHash: _prev, hash, ...fields } = row;
          if (chainHash(prevHash, fields as HashedFields) !== hash) {
            return { ok: false, entries, firstBadSeq: row.seq, reason: 'altered' };
          }
          prevHash = hash;
          entries++;
          afterSeq = row.seq;
        }
      }
    },
  };
}
