import type { Migration, MigrationProvider } from 'kysely';
import * as territoriesCreateTerritory from './202611220900_territories_create_territory.js';

/**
 * Every migration, by name. Listed statically (not read from disk) so the bundled server
 * carries them; a test checks this list matches the files in this folder.
 */
export const migrations: Record<string, Migration> = {
  '202611220900_territories_create_territory': territoriesCreateTerritory,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
