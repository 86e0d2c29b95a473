import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { seedDemo } from './demo/seed-demo.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';

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

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
