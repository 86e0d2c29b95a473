import type { Migration, MigrationProvider } from 'kysely';
import * as territoriesCreateTerritory from './202611220900_territories_create_territory.js';
import * as identityOrganisationsAccountsAudit from './202611221000_identity_organisations_accounts_audit.js';

/**
 * Every migration, by name. Listed statically (not read from disk) so the bundled server
 * carries them; a test checks this list matches the files in this folder.
 */
export const migrations: Record<string, Migration> = {
  '202611220900_territories_create_territory': territoriesCreateTerritory,
  '202611221000_identity_organisations_accounts_audit': identityOrganisationsAccountsAudit,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
