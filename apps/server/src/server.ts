import path from 'node:path';
import { fileURLToPath } from 'node:url';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { sql } from 'kysely';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { createPeopleProtection } from './modules/cases/index.js';
import { createFieldCipher, loadFieldEncryptionKey } from './platform/crypto/field-encryption.js';
import { createLookupHasher } from './platform/crypto/lookup-hash.js';

const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    const config = loadConfig();
    // The bundled server sits in apps/server/dist; the web build beside it in apps/web/dist.
    const here = path.dirname(fileURLToPath(import.meta.url));
    return { ...config, webDistDir: config.webDistDir ?? path.resolve(here, '../../web/dist') };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  const db = await openDatabase(config.database);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    console.error(
      config.database.kind === 'postgres'
        ? 'Cannot reach the database at DATABASE_URL: check that PostgreSQL runs and the URL is right.'
        : `Cannot open the embedded database under ${config.database.dataDir}: check DATA_DIR.`,
      `(${error instanceof Error ? error.message : String(error)})`,
    );
    await db.destroy().catch(() => {});
    process.exit(1);
  }
  // Embedded: the app owns its database and migrates it. Server PostgreSQL: `npm run db:migrate`
  // runs as its own deploy step, so several app processes never race to migrate.
  if (config.database.kind === 'pglite') await migrateToLatest(db);
  // One key for the demo caseload and the app, loaded once (a generated in-memory key must be shared).
  const encryptionKey = await loadFieldEncryptionKey(config, { warn: (message: string) => console.warn(message) });
  if (config.seedDemo) {
    await seedDemo(db, { people: createPeopleProtection({ cipher: createFieldCipher(encryptionKey), lookupHasher: createLookupHasher(encryptionKey) }) });
  }

  const app = await buildApp(config, { db, encryptionKey });
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'fatal error: shutting down');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  console.log(`Glocal is ready at http://${shownHost}:${port} (API docs: /api/docs)`);
}

main().catch((error) => {
  console.error('Glocal could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
