import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { seedDemo } from './demo/seed-demo.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createAuditTrail } from './platform/audit/audit-trail.js';

/** `npm run glocal -- <command>`: operations sharing the app's configuration and services. */
async function withDatabase(work: (db: Database) => Promise<void>) {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}

const program = new Command('glocal').description('Glocal command-line tools').showHelpAfterError();

program
  .command('db:migrate')
  .description('apply every pending database migration (run it before starting on PostgreSQL)')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    }),
  );

program
  .command('seed')
  .description('load a data set into the database')
  .argument('<dataset>', 'the data set to load: demo')
  .action((dataset: string) => {
    if (dataset !== 'demo') program.error(`Unknown data set "${dataset}". Known: demo.`);
    return withDatabase(async (db) => {
      await migrateToLatest(db);
      await seedDemo(db);
      console.log('Demo data loaded.');
    });
  });

program
  .command('audit')
  .description('audit trail tools')
  .argument('<action>', 'verify: recompute the hash chain and name the first altered or missing entry')
  .action((action: string) => {
    if (action !== 'verify') program.error(`Unknown audit action "${action}". Known: verify.`);
    return withDatabase(async (db) => {
      const result = await createAuditTrail().verify(db);
      if (result.ok) {
        console.log(`Audit trail intact: ${result.entries} entries verified.`);
        return;
      }
      console.error(
        result.reason === 'altered'
          ? `Audit trail broken: entry #${result.firstBadSeq} was altered (${result.entries} entries before it are intact).`
          : `Audit trail broken: an entry is missing before #${result.firstBadSeq} (${result.entries} entries before it are intact).`,
      );
      process.exitCode = 2;
    });
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
