import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../platform/db/database.js';
import { buildTestApp, testConfig, type TestApp } from '../../../test/build-test-app.js';
import { usesPostgres } from '../../../test/test-database.js';

async function eventually(check: () => Promise<boolean>, attempts = 20) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers 200 while the process runs', async () => {
    const response = await t.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when the database answers', async () => {
    const response = await t.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
  });

  it('GET /ready answers 503 problem+json when the database cannot be reached', async () => {
    const unreachable = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const app = await buildApp(testConfig(), { db: unreachable });
    try {
      const response = await app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'service_unavailable', params: { dependency: 'database' } });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  // Engine-specific fault: on PostgreSQL the server kills our backends; on PGlite the handle closes.
  it(
    usesPostgres
      ? 'when PostgreSQL terminates the app connections, /ready recovers by itself'
      : 'when the embedded database is closed under the app, /ready answers 503',
    async () => {
      if (usesPostgres) {
        await sql`select 1`.execute(t.db); // make sure the pool holds a live backend
        const killer = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
        const killed = await sql<{ terminated: boolean }>`
          select pg_terminate_backend(pid) as terminated from pg_stat_activity
           where application_name = ${t.databaseName}`.execute(killer);
        await killer.destroy();
        expect(killed.rows.length).toBeGreaterThan(0);
        const recovered = await eventually(
          async () => (await t.inject({ method: 'GET', url: '/ready' })).statusCode === 200,
        );
        expect(recovered).toBe(true);
      } else {
        const { db } = await import('../../../test/test-database.js').then((m) => m.createTestDatabase());
        const app = await buildApp(testConfig(), { db });
        await db.destroy();
        const response = await app.inject({ method: 'GET', url: '/ready' });
        expect(response.statusCode).toBe(503);
        await app.close();
      }
    },
  );
});
