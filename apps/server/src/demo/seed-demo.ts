import type { Database } from '../platform/db/database.js';
import { seedDemoAccounts } from '../modules/auth/index.js';
import { seedDemoNetwork } from '../modules/organisations/index.js';
import { seedDemoTerritories } from '../modules/territories/index.js';

/** Loads the demo data set, all or nothing. Idempotent, so every start may run it. */
export async function seedDemo(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedDemoTerritories(trx);
    const organisations = await seedDemoNetwork(trx);
    await seedDemoAccounts(trx, organisations);
  });
}
