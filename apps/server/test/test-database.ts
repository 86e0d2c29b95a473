import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

export const usesPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A database of this test file's own: a copy of the migrated PGlite template, or a fresh schema
 * on the PostgreSQL of DATABASE_URL (dropped by `drop`).
 */
export async function createTestDatabase(): Promise<{ db: Database; drop: () => Promise<void>; name: string }> {
  if (!usesPostgres) {
    const template = await fs.readFile(inject('pgliteTemplate'));
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://', loadDataDir: new Blob([template]) });
    await sql`select 1`.execute(db); // load it now, not inside the first test's deadline
    return { db, drop: () => db.destroy(), name: 'pglite' };
  }
  const url = process.env.DATABASE_URL!;
  const admin = await openDatabase({ kind: 'postgres', url });
  const { db, schema } = await migratedSchema(url, admin);
  return {
    db,
    name: schema,
    drop: async () => {
      await db.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/**
 * A fresh, migrated schema. Seen once on CI under load: the migrator reported the schema it had
 * just been given as missing; a second attempt on a new schema (the failed one dropped) is logged.
 */
async function migratedSchema(url: string, admin: Database, attempt = 1): Promise<{ db: Database; schema: string }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = await openDatabase({ kind: 'postgres', url, searchPath: schema, applicationName: schema });
  try {
    await migrateToLatest(db, { schema });
    return { db, schema };
  } catch (error) {
    await db.destroy();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    if (attempt > 1) throw error;
    console.warn(`test schema ${schema} failed to migrate, trying a new one:`, error);
    return migratedSchema(url, admin, attempt + 1);
  }
}
