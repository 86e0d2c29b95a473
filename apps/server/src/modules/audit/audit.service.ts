import type { AuditEventQuery, AuditEventView } from '@glocal/contracts';
import { stringify } from 'csv-stringify/sync';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';

type Request = { ip?: string; id?: string };
const EXPORT_LIMIT = 100_000;

export type AuditService = ReturnType<typeof createAuditService>;

/** The data protection officer's view of the trail. Reading the trail is itself recorded. */
export function createAuditService({ db, access, audit }: { db: Database; access: Access; audit: AuditTrail }) {
  function search(query: Omit<AuditEventQuery, 'cursor' | 'limit'>, beforeSeq: number | undefined, limit: number) {
    let select = db.selectFrom('auditEvent').selectAll();
    if (query.actorUserId) select = select.where('actorUserId', '=', query.actorUserId);
    if (query.subjectType) select = select.where('subjectType', '=', query.subjectType);
    if (query.subjectId) select = select.where('subjectId', '=', query.subjectId);
    if (query.action) select = select.where('action', '=', query.action);
    if (query.from) select = select.where('occurredAt', '>=', new Date(query.from));
    if (query.to) select = select.where('occurredAt', '<', new Date(query.to));
    if (beforeSeq !== undefined) select = select.where('seq', '<', beforeSeq);
    return select.orderBy('seq', 'desc').limit(limit).execute();
  }

  const toView = ({ prevHash: _prev, occurredAt, ...row }: Awaited<ReturnType<typeof search>>[number]): AuditEventView => ({
    ...row,
    occurredAt: occurredAt.toISOString(),
  });

  async function recordRead(actor: Actor, action: string, query: object, request: Request) {
    await db.transaction().execute((trx) => audit.record(trx, { actor, action, details: { query }, request }));
  }

  return {
    /** Newest first. */
    async list(actor: Actor | null, query: AuditEventQuery, request: Request) {
      const reader = await access.require(actor, 'audit:read', undefined, { request });
      const { cursor, limit, ...filters } = query;
      const beforeSeq = cursor ? Number(decodeCursor(cursor, 1)[0]) : undefined;
      const rows = await search(filters, beforeSeq, limit + 1);
      await recordRead(reader, 'audit.searched', filters, request);
      return toPage(rows, limit, (row) => [row.seq], toView);
    },

    async exportCsv(actor: Actor | null, query: AuditEventQuery, request: Request): Promise<string> {
      const reader = await access.require(actor, 'audit:read', undefined, { request });
      const { cursor: _cursor, limit: _limit, ...filters } = query;
      const rows = (await search(filters, undefined, EXPORT_LIMIT)).map(toView);
      await recordRead(reader, 'audit.exported', filters, request);
      return stringify(
        rows.map((row) => ({ ...row, details: JSON.stringify(row.details) })),
        {
          header: true,
          columns: ['seq', 'occurredAt', 'actorUserId', 'actorLabel', 'action', 'outcome', 'subjectType', 'subjectId', 'organisationId', 'ip', 'requestId', 'details', 'hash'],
        },
      );
    },

    async verify(actor: Actor | null, request: Request) {
      await access.require(actor, 'audit:read', undefined, { request });
      return audit.verify(db);
    },
  };
}
