import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import { copyRows } from './copy-rows.js';
import type { Database } from './database.js';

// Runs on the engine the suite runs on: COPY through pg's stream on PostgreSQL, through /dev/blob on PGlite.
describe('bulk loading with COPY', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    await sql`create table copy_probe (id int primary key, label text, amount numeric, done boolean, details jsonb)`.execute(db);
  });
  afterAll(() => drop());

  it('stores every value as given: tabs, line ends, backslashes, non-Latin text, nulls and booleans', async () => {
    const rows = [
      [1, 'tab\there', '12.50', true, '{"note":"a \\\\ b"}'],
      [2, 'line\nend\r\nand a \\N that is text', null, false, null],
      [3, 'مرحبا — São Tomé', '-0.000001', null, '{}'],
    ];
    expect(await copyRows(db, 'copy_probe', ['id', 'label', 'amount', 'done', 'details'], rows)).toBe(3);
    const { rows: stored } = await sql<{ id: number; label: string; amount: string | null; done: boolean | null; details: unknown }>`
      select id, label, amount::text as amount, done, details from copy_probe order by id`.execute(db);
    expect(stored).toEqual([
      { id: 1, label: 'tab\there', amount: '12.50', done: true, details: { note: 'a \\ b' } },
      { id: 2, label: 'line\nend\r\nand a \\N that is text', amount: null, done: false, details: null },
      { id: 3, label: 'مرحبا — São Tomé', amount: '-0.000001', done: null, details: {} },
    ]);
  });

  it('takes all the rows or none: a bad one fails the COPY and stores nothing of it', async () => {
    await expect(copyRows(db, 'copy_probe', ['id', 'label'], [[10, 'fine'], [1, 'an id already stored']])).rejects.toMatchObject({ code: '23505' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe where id = 10`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a statement that is not a plain table and column list', async () => {
    await expect(copyRows(db, 'copy_probe; drop table copy_probe', ['id'], [[1]])).rejects.toThrow(/not a table and column list/);
  });
});
