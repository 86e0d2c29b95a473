import type { Database } from '../platform/db/database.js';
import { seedDemoAccounts } from '../modules/auth/index.js';
import { seedDemoCases, type PeopleProtection } from '../modules/cases/index.js';
import { seedDemoDirectory } from '../modules/directory/index.js';
import { seedDemoNetwork } from '../modules/organisations/index.js';
import { seedDemoRemittances } from '../modules/remittances/index.js';
import { seedDemoTerritories } from '../modules/territories/index.js';

/**
 * Loads the demo data set, all or nothing. Idempotent, so every start may run it. `people`: the
 * app's protection of personal data (its key); without it the demo caseload is left out.
 */
export async function seedDemo(db: Database, options: { people?: PeopleProtection } = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedDemoTerritories(trx);
    const organisations = await seedDemoNetwork(trx);
    await seedDemoAccounts(trx, organisations);
    await seedDemoDirectory(trx, organisations);
    if (options.people) await seedDemoCases(trx, options.people, organisations);
    await seedDemoRemittances(trx, organisations);
  });
}
