import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator } from 'kysely';
import { migrationProvider } from '../../db/migrations/index.js';
import type { Database } from './database.js';

export class MigrationError extends Error {}

/** How many times the migrator's first look at the database is tried (see below). */
const LISTING_ATTEMPTS = 5;

/** Applies every pending migration; throws naming the one that failed. Returns the names applied. */
export async function migrateToLatest(db: Database, options: { schema?: string } = {}): Promise<string[]> {
  // Naming the schema matters when several share a database (tests): Kysely would otherwise find
  // another schema's bookkeeping tables and skip creating its own.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    // Kysely lists every table of the database before it migrates anything; a table another
    // connection drops meanwhile (a bulk search rebuild's staging table) fails that listing with
    // 42P01. Nothing was migrated then, so it is tried again.
    if (error && results.length === 0 && (error as { code?: string }).code === '42P01' && attempt < LISTING_ATTEMPTS) {
      await sleep(250 * attempt);
      continue;
    }
    const failed = results.find((result) => result.status === 'Error');
    if (error || failed) {
      throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
        cause: error,
      });
    }
    return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
  }
}
