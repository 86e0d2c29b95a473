import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Database } from '../src/platform/db/database.js';
import { createTestDatabase } from './test-database.js';

export const TEST_PUBLIC_URL = 'http://glocal.test';

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  /** PostgreSQL: the schema, also the connections' application_name. */
  databaseName: string;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  // Task reminders run when a test asks (tasks.sendReminders), never on a timer.
  return loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: TEST_PUBLIC_URL, DATA_DIR: 'memory://', CASE_REMINDERS_EVERY_MINUTES: '0', DIRECTORY_STALE_NOTICE_EVERY_MINUTES: '0', REMITTANCE_ALERTS_EVERY_MINUTES: '0', ...env });
}

/** The real app on this file's own database; call `close` in afterAll. */
export async function buildTestApp(
  options: { env?: NodeJS.ProcessEnv; setup?: (app: FastifyInstance, db: Database) => Promise<void> | void } = {},
): Promise<TestApp> {
  const { db, drop, name } = await createTestDatabase();
  const app = await buildApp(testConfig(options.env), { db });
  // app.close() destroys the database; drop() then only removes a PostgreSQL test schema.
  await options.setup?.(app, db);
  await app.ready();
  return {
    app,
    db,
    databaseName: name,
    inject: (request) => app.inject(request),
    close: async () => {
      await app.close();
      await drop().catch(() => {});
    },
  };
}
