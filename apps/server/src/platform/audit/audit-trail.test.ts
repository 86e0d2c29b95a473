import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../db/database.js';
import { changedFields, createAuditTrail } from './audit-trail.js';

const audit = createAuditTrail();
const actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'dpo@glocal.test',
  displayName: 'Nadia',
  locale: 'fr',
  kind: 'staff' as const,
  memberships: [],
  csrfToken: 'x',
  sessionTokenHash: 'y',
};

async function append(db: Database, count: number) {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) =>
      audit.record(trx, {
        actor,
        action: 'organisation.updated',
        subject: { type: 'organisation', id: `org-${i}` },
        details: { changes: { name: { before: `Old ${i}`, after: `New ${i}` } }, nested: { z: 1, a: [1, 2] } },
        request: { ip: '127.0.0.1', id: `req-${i}` },
      }),
    );
  }
}

/** What an intruder with the table owner's rights could do: switch the guard off, edit, switch it on. */
async function tamper(db: Database, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db);
  await statement.execute(db);
  await sql`alter table audit_event enable trigger audit_event_append_only`.execute(db);
}

describe('audit trail', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('verifies an intact chain, whatever order jsonb keeps the keys in', async () => {
    await append(db, 5);
    expect(await audit.verify(db)).toEqual({ ok: true, entries: 5 });
  });

  it('never forks the chain when many transactions append at once, text with accents included', async () => {
    const before = await audit.verify(db);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await audit.record(trx, { actor, action: 'case.read', subject: { type: 'case', id: `c-${i}` }, details: { note: `Thiès, Mbacké n°${i}` } });
          await audit.record(trx, { actor: null, action: 'intake.submitted', organisationId: null, details: { n: i } });
        }),
      ),
    );
    expect(await audit.verify(db)).toEqual({ ok: true, entries: before.entries + 60 });
  });

  it('refuses updates, deletes and truncation of entries', async () => {
    await expect(sql`update audit_event set action = 'nothing.happened'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/append-only/);
    expect((await audit.verify(db)).ok).toBe(true);
  });

  it('names the first altered entry after a direct SQL edit', async () => {
    const { rows } = await sql<{ seq: number }>`select seq from audit_event order by seq limit 1 offset 2`.execute(db);
    const third = Number(rows[0]!.seq);
    await tamper(db, sql`update audit_event set details = '{"changes":{}}'::jsonb where seq = ${third}`);
    expect(await audit.verify(db)).toEqual({ ok: false, entries: 2, firstBadSeq: third, reason: 'altered' });
  });

  it('names the entry after a deleted one', async () => {
    const { db: fresh, drop: dropFresh } = await createTestDatabase();
    try {
      await append(fresh, 4);
      const { rows } = await sql<{ seq: number }>`select seq from audit_event order by seq`.execute(fresh);
      await tamper(fresh, sql`delete from audit_event where seq = ${rows[1]!.seq}`);
      expect(await audit.verify(fresh)).toMatchObject({ ok: false, firstBadSeq: Number(rows[2]!.seq), reason: 'missing_before' });
    } finally {
      await dropFresh();
    }
  });

  it('keeps only changed fields and masks secrets', () => {
    expect(
      changedFields(
        { name: 'A', email: 'a@x.test', passwordHash: 'h1', languages: ['fr'] },
        { name: 'B', email: 'a@x.test', passwordHash: 'h2', languages: ['fr'] },
      ),
    ).toEqual({ name: { before: 'A', after: 'B' }, passwordHash: { before: '[secret]', after: '[secret]' } });
  });

  it('keeps the length of notes written about a person, not their text (erasure cannot reach the trail)', () => {
    expect(changedFields({ notes: 'Diabetic', jobsMen: 1 }, { notes: 'Moved to Touba', jobsMen: 2 })).toEqual({
      notes: { before: { length: 8 }, after: { length: 14 } },
      jobsMen: { before: 1, after: 2 },
    });
    expect(changedFields({ notes: 'Diabetic' }, { notes: null })).toEqual({ notes: { before: { length: 8 }, after: null } });
  });
});
