// Remittances on PostgreSQL, through the real app (buildApp + inject) and the real import service:
// quotes for a corridor holding 1,000,000 price observations, a quarter's RPW statistics, and the
// import of 500,000 RPW rows. Creates and drops its own database; prints a JSON array of figures
// as its last line (see run.mjs step 7).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createPriceImportsService } from '../apps/server/src/modules/remittances/index.js';
import { createAuditTrail } from '../apps/server/src/platform/audit/audit-trail.js';
import { openDatabase } from '../apps/server/src/platform/db/database.js';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.js';

const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const name = 'glocal_bench_remittances';
const OBSERVATIONS = 1_000_000;
const PRODUCTS = 25; // a large corridor: RPW's biggest list a few dozen services
const IMPORT_ROWS = 500_000;
const ROUNDS = 500;

const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
const url = `${server}/${name}`;
const db = await openDatabase({ kind: 'postgres', url });
const figures: { name: string; value: number; unit: string; target: number | null; comparison: 'max' | 'min' | 'report'; note?: string }[] = [];
const log = (message: string) => process.stderr.write(`[remittances bench] ${message}\n`);

try {
  await migrateToLatest(db);

  // 1,000,000 fee schedules in IT → SN: 25 products, 40,000 observations each over the last 400 days.
  log('loading 1,000,000 observations');
  const { rows: provider } = await sql<{ id: string }>`
    insert into remittance_provider (name, type) values ('Bench MTO', 'money_transfer_operator') returning id`.execute(db);
  await sql`
    insert into remittance_product (provider_id, name, pay_in, pickup, speed, accessible)
    select ${provider[0]!.id}, 'Product ' || n, 'cash', 'cash_pickup',
           (array['less_than_one_hour','same_day','next_day','two_days','three_to_five_days','more_than_five_days'])[1 + n % 6], n % 4 <> 0
    from generate_series(1, ${PRODUCTS}) n`.execute(db);
  await sql`
    with products as (select id, row_number() over (order by id) - 1 as k from remittance_product)
    insert into remittance_price (product_id, sending_country, receiving_country, sending_currency, receiving_currency, fee_schedule,
      rate_offered, interbank_rate, observed_on, period, source, natural_key)
    select p.id, 'IT', 'SN', 'EUR', 'XOF',
           jsonb_build_object('tiers', jsonb_build_array(
             jsonb_build_object('upTo', '100', 'fixed', (2 + i % 7)::text),
             jsonb_build_object('over', '100', 'upTo', '5000', 'fixed', (4 + i % 5)::text, 'percent', '0.5'))),
           case when i % 13 = 0 then null else round(655.957 * (1 - (i % 40) / 1000.0), 3) end, 655.957, d,
           to_char(d, 'YYYY') || '-Q' || to_char(d, 'Q'), 'desk_survey', md5('bench|' || i)::uuid
    from generate_series(0, ${OBSERVATIONS - 1}) i
    join products p on p.k = i % ${PRODUCTS}
    cross join lateral (select current_date - ((i / ${PRODUCTS}) % 400) as d) dd`.execute(db);
  await sql`insert into remittance_reference_rate values ('USD', 'EUR', current_date - 400, 0.9225, 'bench')`.execute(db);
  await sql`analyze remittance_price`.execute(db);
  const count = Number((await sql<{ n: string }>`select count(*) as n from remittance_price`.execute(db)).rows[0]!.n);
  if (count !== OBSERVATIONS) throw new Error(`expected ${OBSERVATIONS} observations, found ${count}`);

  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, SEED_DEMO: 'false' }), { db });
  await app.ready();
  async function p95(url: string) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS + 50; i++) {
      const start = process.hrtime.bigint();
      const response = await app.inject({ method: 'GET', url: typeof url === 'string' ? url.replace('{n}', String(100 + (i % 400))) : url });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
      if (i >= 50) times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p95: times[Math.floor(times.length * 0.95)]!, median: times[Math.floor(times.length / 2)]! };
  }

  const quotes = await p95('/api/v1/remittances/quotes?from=IT&to=SN&amount={n}&currency=EUR');
  figures.push({ name: 'remittances-quotes-p95', value: quotes.p95, unit: 'ms', target: 15, comparison: 'max', note: `1,000,000 observations in the corridor, ${PRODUCTS} products; median ${quotes.median.toFixed(2)} ms` });
  const period = (await sql<{ period: string }>`select to_char(current_date, 'YYYY') || '-Q' || to_char(current_date, 'Q') as period`.execute(db)).rows[0]!.period;
  const stats = await p95(`/api/v1/remittances/corridors/IT-SN/stats?period=${period}`);
  figures.push({ name: 'remittances-stats-p95', value: stats.p95, unit: 'ms', target: 20, comparison: 'max', note: `${period}, about 230,000 observations in the quarter; median ${stats.median.toFixed(2)} ms` });
  log(JSON.stringify(figures));
  if (process.env.BENCH_EXPLAIN) {
    const repository = await import('../apps/server/src/modules/remittances/remittances.repository.js');
    const t0 = process.hrtime.bigint();
    await repository.remittancesRepository(db).latestSchedules('IT', 'SN', '2000-01-01');
    const t1 = process.hrtime.bigint();
    await repository.remittancesRepository(db).periodObservations('IT', 'SN', period);
    log(`latestSchedules ${Number(t1 - t0) / 1e6} ms, periodObservations ${Number(process.hrtime.bigint() - t1) / 1e6} ms`);
  }

  // 500,000 RPW rows (1,000,000 observations: each row is priced at USD 200 and USD 500).
  log('writing 500,000 RPW rows');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-rpw-')), 'rpw.csv');
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'period,source_code,source_name,destination_code,destination_name,firm,firm_type,payment instrument,speed actual,cc1 lcu amount,cc1 denomination amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 denomination amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent,note1,note2,pick-up method,date,corridor\n');
  const destinations = ['SEN', 'MLI', 'MAR', 'NGA', 'GHA', 'KEN', 'PHL', 'IND', 'PAK', 'BGD'];
  const sources = ['ITA', 'FRA', 'ESP', 'BEL', 'DEU', 'GBR', 'USA', 'CAN'];
  const lines: string[] = [];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const quarter = 1 + (i % 4);
    const year = 2011 + Math.floor(i / 40_000);
    // Fee in cents, margin in basis points: stated figures computed exactly, in integers.
    const fee1 = 300 + (i % 900);
    const fee2 = 500 + (i % 1200);
    const marginBp = i % 300;
    const rate = (655957 * (10000 - marginBp)) / 10000 / 1000; // exact to 7 decimals
    const total1 = ((fee1 / 150) + marginBp / 100).toFixed(4);
    const total2 = ((fee2 / 375) + marginBp / 100).toFixed(4);
    lines.push([
      `${year}_${quarter}Q`, sources[i % sources.length], '', destinations[Math.floor(i / 8) % destinations.length], '', `Firm ${Math.floor(i / 80) % 500}`,
      i % 3 === 0 ? 'Bank' : 'Money Transfer Operator', 'Cash', 'Same day', '150', '200', 'EUR', (fee1 / 100).toFixed(2), rate.toFixed(7),
      (marginBp / 100).toFixed(2), total1, '375', '500', 'EUR', (fee2 / 100).toFixed(2), rate.toFixed(7), (marginBp / 100).toFixed(2), total2, '655.957',
      'yes', '', '', 'Cash', '', `corridor ${i % 1000}`,
    ].join(','));
    if (lines.length === 10_000) fs.writeSync(out, `${lines.splice(0).join('\n')}\n`);
  }
  if (lines.length) fs.writeSync(out, `${lines.join('\n')}\n`);
  fs.closeSync(out);
  const csv = fs.readFileSync(file, 'utf8');
  log(`importing ${(csv.length / 1e6).toFixed(0)} MB`);
  const start = process.hrtime.bigint();
  const report = await createPriceImportsService({ db, audit: createAuditTrail() }).importPrices(csv, { format: 'rpw', validOnly: false, fileName: 'rpw.csv' }, null);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (report.rowsImported + report.rowsUnchanged !== IMPORT_ROWS * 2) throw new Error(`import stored ${report.rowsImported}, ${report.rowsUnchanged} unchanged`);
  await app.close(); // closes the database too
  figures.push({ name: 'remittances-import-500k-rpw-rows', value: seconds, unit: 's', target: 30, comparison: 'max', note: `${report.rowsImported} observations stored, every row checked, one transaction` });
} finally {
  await db.destroy().catch(() => {});
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
console.log(JSON.stringify(figures));
