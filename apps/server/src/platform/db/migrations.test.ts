import fs from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { snakeCase } from './column-names.js';
import type { Database } from './database.js';
import { DB_COLUMNS } from './schema.js';

const migrationsDir = path.resolve(import.meta.dirname, '../../db/migrations');

describe('migrations and schema types', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('the migration list names every file of the migrations folder, in timestamp order', () => {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((file) => /^\d{12}_.+\.ts$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(Object.keys(migrations)).toEqual([...files].sort());
  });

  it('the migrated database has exactly the tables and columns schema.ts declares', async () => {
    const tables = await db.introspection.getTables();
    // A partition is its parent table's storage, declared once through the parent.
    const partitions = new Set((await sql<{ name: string }>`select relname as name from pg_class where relispartition`.execute(db)).rows.map((row) => row.name));
    const actual = Object.fromEntries(
      tables
        .filter((table) => !table.name.startsWith('kysely_') && !partitions.has(table.name))
        .map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
    );
    const declared = Object.fromEntries(
      Object.entries(DB_COLUMNS).map(([table, columns]) => [snakeCase(table), columns.map(snakeCase).sort()]),
    );
    expect(actual).toEqual(declared);
  });
});
