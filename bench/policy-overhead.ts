// Policy evaluation overhead: the same handler behind a route that declares a permission and one
// that does not, called in-process (app.inject) as the same signed-in coach. Prints JSON.
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { seedDemo } from '../apps/server/src/demo/seed-demo.js';
import { openDatabase } from '../apps/server/src/platform/db/database.js';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.js';

const ROUNDS = 3000;
const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
await migrateToLatest(db);
await seedDemo(db);
const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: 'memory://' }), { db });
const handler = async () => ({ ok: true });
app.get('/bench/open', handler);
app.get('/bench/guarded', { config: { permission: 'organisations:read' } }, handler);
await app.ready();

const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: 'coach.diourbel@glocal.test', password: 'glocal-demo-2026' },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;

async function timed(url: string) {
  const start = process.hrtime.bigint();
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Alternate the two routes so both see the same JIT, cache and machine load; warm up first.
async function measure(rounds: number) {
  const open: number[] = [];
  const guarded: number[] = [];
  for (let i = 0; i < rounds; i++) {
    open.push(await timed('/bench/open'));
    guarded.push(await timed('/bench/guarded'));
  }
  return { open: open.sort((a, b) => a - b), guarded: guarded.sort((a, b) => a - b) };
}

const p95 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.95)]!;
await measure(500);
const { open, guarded } = await measure(ROUNDS);
console.log(JSON.stringify({ openP95: p95(open), guardedP95: p95(guarded), overheadP95: Math.max(0, p95(guarded) - p95(open)) }));
await app.close();
