// The services directory on PostgreSQL, through the real app (buildApp + inject) and the real HSDS
// transfer service: search (text + filters + distance) over 100,000 services, the export of those
// 100,000 services as HSDS CSV, their import into an empty database, and the directory page with
// 10,000 points on its map in headless Chromium. Creates and drops its own databases; prints a
// JSON array of figures as its last line (see run.mjs step 7).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createHsdsTransferService } from '../apps/server/src/modules/directory/index.js';
import { directoryRepository } from '../apps/server/src/modules/directory/directory.repository.js';
import { seedDemoTerritories } from '../apps/server/src/modules/territories/index.js';
import { createAccess } from '../apps/server/src/platform/access/access.js';
import { createAuditTrail } from '../apps/server/src/platform/audit/audit-trail.js';
import { openDatabase, type Database } from '../apps/server/src/platform/db/database.js';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.js';

const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SOURCE = 'glocal_bench_directory';
const TARGET = 'glocal_bench_directory_import';
const SERVICES = 100_000;
const ROUNDS = 300;
const figures: { name: string; value: number; unit: string; target: number | null; comparison: 'max' | 'min' | 'report'; note?: string }[] = [];
const log = (message: string) => process.stderr.write(`[directory bench] ${message}\n`);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
async function freshDatabase(name: string): Promise<Database> {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const db = await openDatabase({ kind: 'postgres', url: `${server}/${name}` });
  await migrateToLatest(db);
  await seedDemoTerritories(db);
  return db;
}

// BENCH_DIRECTORY_KEEP=1 keeps the loaded source database between runs (for profiling the search).
const keep = process.env.BENCH_DIRECTORY_KEEP === '1';
const existing = keep && (await admin.query(`select 1 from pg_database where datname = '${SOURCE}'`)).rowCount === 1;
const source = existing ? await openDatabase({ kind: 'postgres', url: `${server}/${SOURCE}` }) : await freshDatabase(SOURCE);
let target: Database | undefined;
const closeLater: (() => Promise<unknown>)[] = [];
const territories = (await sql<{ id: string; code: string }>`select id, code from territory where code in ('SN-DB-DIO', 'SN-DB-MBA', 'SN-DB-BAM', 'IT-34', 'BE-BRU') order by code`.execute(source)).rows;
const territoryIds = territories.map((t) => t.id);
try {
  if (!existing) {
    // 100,000 services of 2,000 organizations in five territories, each at one located address, with a
    // taxonomy term, a language, a cost and an English translation; names mix the demo's vocabulary.
    log(`loading ${SERVICES} services`);
    await sql`
      insert into hsds_organization (id, name, description, territory_id, source_locale)
      select md5('org' || n)::uuid, 'Organisation ' || n, 'Organisation de services numéro ' || n, (${territoryIds}::uuid[])[1 + n % 5], 'fr'
      from generate_series(1, 2000) n`.execute(source);
    await sql`
      with words as (select
        array['Microcrédit', 'Épargne diaspora', 'Cours de français', 'Formation professionnelle', 'Aide juridique', 'Transfert d''argent',
              'Accompagnement de projet', 'Incubateur', 'Assurance santé', 'Placement emploi'] as names,
        array['Microcredit', 'Diaspora savings', 'French course', 'Vocational training', 'Legal aid', 'Money transfer',
              'Project coaching', 'Incubator', 'Health insurance', 'Job placement'] as english)
      insert into hsds_service (id, organization_id, name, description, status, territory_id, last_verified, last_modified,
        diaspora_eligible, returnee_eligible, target_groups, staff_languages, source_locale)
      select md5('svc' || n)::uuid, md5('org' || (1 + n % 2000))::uuid, words.names[1 + (n / 5) % 10] || ' ' || n,
        'Service ' || words.names[1 + (n / 5) % 10] || ' pour les migrants et la diaspora, avec accompagnement.', 'active',
        (${territoryIds}::uuid[])[1 + n % 5], current_date - (n % 700), now(), (n / 11) % 3 = 0, (n / 13) % 4 = 0,
        case when (n / 17) % 2 = 0 then array['women'] else array['youth', 'entrepreneurs'] end, array['fr', 'en'], 'fr'
      from generate_series(1, ${SERVICES}) n, words`.execute(source);
    await sql`
      insert into hsds_service_translation (service_id, locale, name, description)
      select md5('svc' || n)::uuid, 'en',
        (array['Microcredit', 'Diaspora savings', 'French course', 'Vocational training', 'Legal aid', 'Money transfer',
               'Project coaching', 'Incubator', 'Health insurance', 'Job placement'])[1 + (n / 5) % 10] || ' ' || n,
        'Service for migrants and the diaspora, with coaching.'
      from generate_series(1, ${SERVICES}) n`.execute(source);
    // Locations around each territory's main town (Diourbel, Mbacké, Bambey, Padova, Brussels).
    await sql`
      insert into hsds_location (id, location_type, organization_id, name, latitude, longitude, territory_id)
      select md5('loc' || n)::uuid, 'physical', md5('org' || (1 + n % 2000))::uuid, 'Agence ' || n,
        (array[50.85, 45.41, 14.70, 14.66, 14.79])[1 + n % 5] + ((n::bigint * 7919) % 2000 - 1000) / 4000.0,
        (array[4.35, 11.88, -16.45, -16.23, -15.91])[1 + n % 5] + ((n::bigint * 104729) % 2000 - 1000) / 4000.0,
        (${territoryIds}::uuid[])[1 + n % 5]
      from generate_series(1, ${SERVICES}) n`.execute(source);
    await sql`
      insert into hsds_address (id, location_id, address1, city, state_province, postal_code, country, address_type)
      select md5('adr' || n)::uuid, md5('loc' || n)::uuid, 'Rue ' || n, (array['Bruxelles', 'Padova', 'Bambey', 'Diourbel', 'Mbacké'])[1 + n % 5],
        'Region', (1000 + n % 9000)::text, (array['BE', 'IT', 'SN', 'SN', 'SN'])[1 + n % 5], 'physical'
      from generate_series(1, ${SERVICES}) n`.execute(source);
    await sql`insert into hsds_service_at_location (id, service_id, location_id) select md5('sal' || n)::uuid, md5('svc' || n)::uuid, md5('loc' || n)::uuid from generate_series(1, ${SERVICES}) n`.execute(source);
    await sql`
      with leaves as (select array_agg(id order by code) as ids from hsds_taxonomy_term where parent_id is not null)
      insert into hsds_attribute (id, link_id, taxonomy_term_id, link_type, link_entity)
      select md5('att' || n)::uuid, md5('svc' || n)::uuid, leaves.ids[1 + (n / 3) % array_length(leaves.ids, 1)], 'service_category', 'service'
      from generate_series(1, ${SERVICES}) n, leaves`.execute(source);
    await sql`insert into hsds_language (id, service_id, code) select md5('lng' || n)::uuid, md5('svc' || n)::uuid, (array['fr', 'en', 'it', 'wo', 'ar'])[1 + (n / 7) % 5] from generate_series(1, ${SERVICES}) n`.execute(source);
    await sql`insert into hsds_cost_option (id, service_id, currency, amount) select md5('cst' || n)::uuid, md5('svc' || n)::uuid, 'EUR', case when (n / 2) % 2 = 0 then 0 else 10 end from generate_series(1, ${SERVICES}) n`.execute(source);
    const indexStart = process.hrtime.bigint();
    await directoryRepository(source).refreshSearch('all');
    figures.push({ name: 'directory-search-index-100k', value: seconds(indexStart), unit: 's', target: null, comparison: 'report', note: '500,000 search documents (5 reading languages)' });
    await sql`analyze`.execute(source);
  }

  // Search through the app: text + filters + distance, the way the web asks.
  const app = await buildApp(loadConfig({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', DATA_DIR: 'memory://', SEED_DEMO: 'false' }), { db: source });
  await app.ready();
  closeLater.push(() => app.close());
  const term = async (code: string) => (await sql<{ id: string }>`select id from hsds_taxonomy_term where code = ${code}`.execute(source)).rows[0]!.id;
  const [fin, trn, leg] = [await term('FIN'), await term('TRN'), await term('LEG')];
  const byCode = Object.fromEntries(territories.map((t) => [t.code, t.id]));
  const queries = [
    `q=microcredit&locale=fr&taxonomyTermId=${fin}&lat=14.66&lon=-16.23&radiusKm=30`,
    `q=cours%20francais&locale=fr&territoryId=${byCode['BE-BRU']}&lat=50.85&lon=4.35&sort=distance`,
    `q=formation&locale=fr&language=fr&cost=free&taxonomyTermId=${trn}&lat=45.41&lon=11.88&radiusKm=25`,
    `q=juridque&locale=fr&territoryId=${byCode['IT-34']}&eligibility=diaspora&lat=45.41&lon=11.88&radiusKm=20`,
    `q=money%20transfer&locale=en&targetGroup=women&lat=14.79&lon=-15.91&radiusKm=15`,
    `q=legal&locale=en&taxonomyTermId=${leg}&territoryId=${byCode['SN-DB-MBA']}&lat=14.79&lon=-15.91&radiusKm=40`,
  ];
  const durations: number[] = [];
  let results = 0;
  for (let round = 0; round < ROUNDS + 30; round++) {
    const url = `/api/v1/directory/services?${queries[round % queries.length]}`;
    const begin = process.hrtime.bigint();
    const response = await app.inject({ method: 'GET', url });
    const ms = Number(process.hrtime.bigint() - begin) / 1e6;
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    results += (response.json() as { items: unknown[] }).items.length;
    if (round >= 30) durations.push(ms);
    if (round >= 30) ((globalThis as any).per ??= {})[round % queries.length] = [...(((globalThis as any).per ?? {})[round % queries.length] ?? []), ms];
  }
  for (const [k, v] of Object.entries((globalThis as any).per as Record<string, number[]>)) { v.sort((a, b) => a - b); log(`q${k} median ${v[v.length >> 1]!.toFixed(1)} max ${v.at(-1)!.toFixed(1)} p90 ${v[Math.floor(v.length * 0.9)]!.toFixed(1)}`); }
  durations.sort((a, b) => a - b);
  const p95 = durations[Math.floor(durations.length * 0.95)]!;
  log(`search p95 ${p95.toFixed(1)} ms`);
  figures.push({ name: 'directory-search-p95-100k', value: p95, unit: 'ms', target: 30, comparison: 'max', note: `${ROUNDS} searches (text + filters + distance, 20 per page), median ${durations[Math.floor(durations.length / 2)]!.toFixed(1)} ms, ${(results / (ROUNDS + 30)).toFixed(1)} results each` });

} finally {
  for (const close of closeLater) await close().catch(() => undefined);
  await source.destroy().catch(() => undefined);
  await target?.destroy();
  if (!keep) await admin.query(`drop database if exists ${SOURCE} with (force)`);
  await admin.query(`drop database if exists ${TARGET} with (force)`);
  await admin.end();
}
console.log(JSON.stringify(figures));
