import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { seedDemo } from './demo/seed-demo.js';
import { createPeopleProtection } from './modules/cases/index.js';
import { createFieldCipher, loadFieldEncryptionKey } from './platform/crypto/field-encryption.js';
import { createLookupHasher } from './platform/crypto/lookup-hash.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createAuditTrail } from './platform/audit/audit-trail.js';
import { runTaskReminders } from './modules/cases/index.js';
import { importPriceFile, importReferenceRateFile, runCorridorAlertsRecheck } from './modules/remittances/index.js';
import { exportHsdsDirectory, importHsdsDirectory, runStaleNotices } from './modules/directory/index.js';

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
      // The caseload is encrypted with the key the app will use (ENCRYPTION_KEY, or DATA_DIR's key file).
      const key = await loadFieldEncryptionKey(loadConfig(), { warn: (message: string) => console.warn(message) });
      await seedDemo(db, { people: createPeopleProtection({ cipher: createFieldCipher(key), lookupHasher: createLookupHasher(key) }) });
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

program
  .command('import')
  .description('import data from a file')
  .argument('<kind>', 'rpw: the World Bank\'s Remittance Prices Worldwide dataset (CSV); survey: a desk price survey (CSV, see docs/remittances.md); rates: reference exchange rates (CSV: base currency, quote currency, date, rate, source); hsds: an Open Referral HSDS 3.0 directory (a folder of CSV files with datapackage.json, or a JSON file of services)')
  .argument('<file>', 'the CSV file (for hsds: the folder or JSON file)')
  .option('--valid-only', 'import the valid rows and report the others, instead of all or nothing')
  .option('--territory <code>', 'hsds: place imported services without a territory in this one (ISO 3166 code)')
  .action((kind: string, file: string, options: { validOnly?: boolean; territory?: string }) => {
    if (kind === 'hsds') {
      return withDatabase(async (db) => {
        await migrateToLatest(db);
        const ok = await importHsdsDirectory(db, file, { validOnly: Boolean(options.validOnly), territoryCode: options.territory, log: console });
        if (!ok) process.exitCode = 2;
      });
    }
    if (kind === 'rates') {
      return withDatabase(async (db) => {
        await migrateToLatest(db);
        const report = await importReferenceRateFile(db, createAuditTrail(), file, Boolean(options.validOnly));
        console.log(report.message);
        if (!report.ok) process.exitCode = 2;
      });
    }
    if (kind !== 'rpw' && kind !== 'survey') program.error(`Unknown import "${kind}". Known: rpw, survey, rates, hsds.`);
    return withDatabase(async (db) => {
      await migrateToLatest(db);
      const report = await importPriceFile(db, loadConfig(), kind as 'rpw' | 'survey', file, Boolean(options.validOnly));
      console.log(report.message);
      if (!report.ok) process.exitCode = 2;
    });
  });

program
  .command('export')
  .description('export data to files')
  .argument('<kind>', 'hsds: the services directory as Open Referral HSDS 3.0 CSV files with datapackage.json')
  .argument('<dir>', 'the folder to write (created if missing)')
  .action((kind: string, dir: string) => {
    if (kind !== 'hsds') program.error(`Unknown export "${kind}". Known: hsds.`);
    return withDatabase(async (db) => {
      await migrateToLatest(db);
      await exportHsdsDirectory(db, dir, { log: console });
    });
  });

program
  .command('cases')
  .description('case work jobs')
  .argument('<action>', 'remind: e-mail each assignee their tasks due today or earlier, once per task')
  .action((action: string) => {
    if (action !== 'remind') program.error(`Unknown cases action "${action}". Known: remind.`);
    return withDatabase(async (db) => {
      const result = await runTaskReminders(db, loadConfig());
      console.log(`Task reminders: ${result.tasks} tasks due, ${result.emails} e-mails sent, ${result.failed} failed.`);
      if (result.failed > 0) process.exitCode = 2;
    });
  });

program
  .command('directory')
  .description('services directory jobs')
  .argument('<action>', 'notify-stale: e-mail the owners and desk staff of services not verified for 12 months, once per service until it is verified again')
  .action((action: string) => {
    if (action !== 'notify-stale') program.error(`Unknown directory action "${action}". Known: notify-stale.`);
    return withDatabase(async (db) => {
      const result = await runStaleNotices(db, loadConfig());
      console.log(`Stale directory notices: ${result.services} services notified, ${result.emails} e-mails sent, ${result.failed} failed.`);
      if (result.failed > 0) process.exitCode = 2;
    });
  });

program
  .command('remittances')
  .description('remittance jobs')
  .argument('<action>', 'recheck-alerts: e-mail the followers of each corridor whose cheapest option changed as prices stand today (a price past 180 days drops), once per change')
  .action((action: string) => {
    if (action !== 'recheck-alerts') program.error(`Unknown remittances action "${action}". Known: recheck-alerts.`);
    return withDatabase(async (db) => {
      const result = await runCorridorAlertsRecheck(db, loadConfig());
      console.log(`Remittance alerts: ${result.corridors} followed corridors checked, ${result.emails} e-mails sent, ${result.failed} failed.`);
      if (result.failed > 0) process.exitCode = 2;
    });
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
