import { Migrator } from 'kysely';
import { migrationProvider } from '../../db/migrations/index.js';
import type { Database } from './database.js';

export class MigrationError extends Error {}

/** Applies every pending migration; throws naming the one that failed. Returns the names applied. */
export async function migrateToLatest(db: Database, options: { schema?: string } = {}): Promise<string[]> {
  // Naming the schema matters when several share a database (tests): Kysely would otherwise find
  // another schema's bookkeeping tables and skip creating its own.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
