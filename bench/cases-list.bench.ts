// The coach's case list (run by `npm run bench`, step 7; prints a JSON array as its last line).
// On PostgreSQL (BENCH_DATABASE_URL, in a database of its own, glocal_bench_cases, created and
// dropped here): 1,000,000 cases over ~200 desks (the demo network plus generated desks), most
// of them closed as a desk's history piles up; the coach of CAIM Diourbel signs in to the built
// server and opens "my cases" with the default filters (open cases of my desks, newest activity
// first, first page), as the page does. Also checks, with EXPLAIN, that the query reads the
// partial open-case index rather than sorting the desk's cases.
import http from 'node:http';
import os from 'node:os';
import { sql } from 'kysely';
import { seedDemo } from '../apps/server/src/demo/seed-demo.js';
import { deskBranch } from '../apps/server/src/modules/cases/cases.repository.js';
import { openDatabase } from '../apps/server/src/platform/db/database.js';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.js';
// @ts-expect-error: plain JavaScript helpers shared by the benchmarks
import { startServer, stopServer } from './lib.mjs';

type Figure = { name: string; value: number; unit: string; target: number | null; comparison: 'max' | 'min' | 'report'; note?: string };
const figures: Figure[] = [];
const CASES = 1_000_000;
const EXTRA_DESKS = 200;
const REQUESTS = 1000;
const WARM_UP = 100;
/** Clients at once for the report-only figure under load; the target figure is one coach's list, sequential. */
const CONCURRENCY = 4;

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const name = 'glocal_bench_cases';
const at = (database: string) => Object.assign(new URL(base), { pathname: `/${database}` }).toString();
const admin = await openDatabase({ kind: 'postgres', url: at('postgres') });
// CASES_BENCH_KEEP=1 (a development aid): keep the loaded database afterwards and reuse it next time.
const keep = process.env.CASES_BENCH_KEEP === '1';
const exists = (await sql`select 1 from pg_database where datname = ${name}`.execute(admin)).rows.length > 0;
const reuse = keep && exists;
if (!reuse) {
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  await sql`create database ${sql.id(name)}`.execute(admin);
}
const url = at(name);

try {
  const db = await openDatabase({ kind: 'postgres', url });
  const loading = performance.now();
  if (!reuse) {
    await migrateToLatest(db);
    await seedDemo(db);
  }
  const diourbel = (await db.selectFrom('organisation').select(['id', 'homeTerritoryId']).where('name', '=', 'CAIM Diourbel').executeTakeFirstOrThrow());
  const coach = await db.selectFrom('appUser').select('id').where('email', '=', 'coach.diourbel@glocal.test').executeTakeFirstOrThrow();
  if (!reuse) {

  // More desks, so CAIM Diourbel holds a desk's realistic share (~1/200) of the million cases.
  await sql`insert into organisation (type, name, home_territory_id, languages)
    select 'help_desk', 'Bench desk ' || n, ${diourbel.homeTerritoryId}, '{fr}' from generate_series(1, ${EXTRA_DESKS}) n`.execute(db);
  const desks = (await sql<{ id: string }>`select id from organisation where type = 'help_desk' order by id`.execute(db)).rows.map((r) => r.id);

  // One person per case; plain names only (no contact fields: the list never reads them).
  // One connection for the bulk load, foreign-key triggers off on it alone (rows are generated consistent).
  await db.connection().execute(async (conn) => {
  await sql`set session_replication_role = replica`.execute(conn);
  await sql`insert into person (id, given_name, family_name, normalised_name, created_at, updated_at)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Given' || (n % 5000), 'Family' || n,
           'family' || n || ' given' || (n % 5000), now(), now()
    from generate_series(1, ${CASES}) n`.execute(conn);
  // Statuses as a desk's history leaves them: 70% closed, the rest new, active or waiting;
  // activity spread over three years; 40% of CAIM Diourbel's cases assigned to the demo coach.
  // Seeded random draws, so desks, statuses and priorities are independent of one another.
  await sql`select setseed(0.42)`.execute(conn);
  await sql`insert into support_case (id, reference, person_id, desk_id, request_kind, status, priority, tags,
                                      assigned_coach_id, outcome, closed_at, created_at, updated_at)
    select ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
           'GLC-B' || lpad(n::text, 7, '0'),
           ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
           d.desk,
           (array['business_project','business_project','job','training','return_reintegration','legal_social_support'])[1 + (n % 6)],
           s.status,
           (array['normal','normal','normal','high','low','urgent'])[1 + floor(r.r3 * 6)::int],
           case when n % 10 = 0 then '{returnee}'::text[] else '{}'::text[] end,
           case when d.desk = ${diourbel.id}::uuid and r.r4 < 0.4 then ${coach.id}::uuid end,
           case when s.status = 'closed' then 'no_outcome' end,
           case when s.status = 'closed' then t.at end,
           t.at - interval '30 days', t.at
    from generate_series(1, ${CASES}) n
    cross join lateral (select random() + 0 * n as r1, random() + 0 * n as r2, random() + 0 * n as r3, random() + 0 * n as r4, random() + 0 * n as r5) r
    cross join lateral (select (${desks}::uuid[])[1 + floor(r.r1 * ${desks.length})::int] as desk) d
    cross join lateral (select case when r.r2 < 0.7 then 'closed' when r.r2 < 0.8 then 'new' when r.r2 < 0.9 then 'active' else 'waiting' end as status) s
    cross join lateral (select now() - r.r5 * interval '1095 days' as at) t`.execute(conn);
  await sql`insert into business_project (case_id, stage, idea)
    select id, (array['idea','identification','elaboration','formalisation','creation','follow_up'])[1 + (abs(hashtext(id::text)) % 6)], 'Bench idea'
    from support_case where request_kind = 'business_project' and reference like 'GLC-B%'`.execute(conn);
  await sql`set session_replication_role = origin`.execute(conn);
  });
  // Statistics and the visibility map now, so autovacuum does not wake up mid-measurement.
  await sql`vacuum (analyze)`.execute(db);
  }
  const deskShare = Number((await sql<{ n: number }>`select count(*)::int as n from support_case where desk_id = ${diourbel.id}`.execute(db)).rows[0]!.n);
  const openShare = Number((await sql<{ n: number }>`select count(*)::int as n from support_case where desk_id = ${diourbel.id} and status <> 'closed'`.execute(db)).rows[0]!.n);
  const deskCount = Number((await sql<{ n: number }>`select count(*)::int as n from organisation where type = 'help_desk'`.execute(db)).rows[0]!.n);
  const loaded = `${CASES.toLocaleString('en')} cases over ${deskCount} desks ${reuse ? 'reused' : `loaded in ${elapsed(loading)}`}; CAIM Diourbel holds ${deskShare} (${openShare} open)`;

  // The plan of the coach's default list: the partial open-case index, read in order, no sort.
  const plan = JSON.stringify(await deskBranch(db, diourbel.id, { status: 'open' }, 51).explain('json'));
  const usesIndex = plan.includes('support_case_desk_open_idx');
  const sorts = /"Node Type":\s*"Sort"/.test(plan);
  figures.push({
    name: 'cases-list-uses-open-index', value: usesIndex && !sorts ? 1 : 0, unit: 'yes', target: 1, comparison: 'min',
    note: `EXPLAIN of the lead-desk query: ${usesIndex ? 'support_case_desk_open_idx' : 'no open-case index'}${sorts ? ', with a sort' : ', no sort'}`,
  });
  await db.destroy();

  const server = await startServer({ PORT: '3294', DATABASE_URL: url, DATA_DIR: 'memory://', SEED_DEMO: 'false', CASE_REMINDERS_EVERY_MINUTES: '0' });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coach.diourbel@glocal.test', password: 'glocal-demo-2026' }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
    const { port } = new URL(server.url);
    const agents = Array.from({ length: CONCURRENCY }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const get = (agent: http.Agent, path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, path, agent, headers: { cookie, accept: 'application/json' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        request.on('error', reject);
        request.end();
      });
    async function measure(path: string, total: number, clients = 1) {
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      let items = 0;
      await Promise.all(
        agents.slice(0, clients).map(async (agent) => {
          while (next < total) {
            next++;
            const start = performance.now();
            const response = await get(agent, path);
            latencies.push(performance.now() - start);
            if (response.status !== 200) errors++;
            else {
              const body = JSON.parse(response.body) as { items?: unknown[]; columns?: unknown[] };
              items = (body.items ?? body.columns ?? []).length;
            }
          }
        }),
      );
      return { latencies: latencies.sort((a, b) => a - b), errors, items };
    }
    for (const [figure, path, target, clients] of [
      ['cases-list-default-p95', '/api/v1/cases', 30, 1],
      ['cases-list-default-4-clients-p95', '/api/v1/cases', null, CONCURRENCY],
      ['cases-list-mine-p95', '/api/v1/cases?scope=mine', null, 1],
      ['cases-list-filtered-p95', '/api/v1/cases?stage=elaboration&priority=high', null, 1],
      ['cases-board-p95', '/api/v1/cases/board', null, 1],
    ] as const) {
      await measure(path, WARM_UP, clients);
      const { latencies, errors, items } = await measure(path, REQUESTS, clients);
      figures.push({
        name: figure, value: p(latencies, 0.95), unit: 'ms', target, comparison: target === null ? 'report' : 'max',
        note: `GET ${path} as the signed-in coach through HTTP, ${clients} client${clients > 1 ? 's' : ''}, ${REQUESTS} requests, ${items} items, ${errors} errors; p50 ${p(latencies, 0.5).toFixed(1)} ms, p99 ${p(latencies, 0.99).toFixed(1)} ms; ${loaded}; load average ${os.loadavg()[0]!.toFixed(1)}`,
      });
    }
    for (const agent of agents) agent.destroy();
  } finally {
    await stopServer(server.child);
  }
} finally {
  if (!keep) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  await admin.destroy();
}

console.log(JSON.stringify(figures));
process.exit(0);
