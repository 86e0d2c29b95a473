// The public intake's figures (run by `npm run bench`, step 7; prints a JSON array as its last line):
// 1. intake submissions at 50 concurrent clients to the built server on PostgreSQL (BENCH_DATABASE_URL, in a database
//    of its own, glocal_bench_intake, created and dropped here): p95 latency and errors;
// 2. the intake page's JavaScript, gzipped, as a phone downloads it (headless Chromium);
// 3. Lighthouse's mobile performance (its default simulated mobile throttling), report only; and
//    the time until the form can be used with the same throttling applied by Chromium itself.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { INTAKE_POLICY_VERSION } from '@glocal/contracts';
import { sql } from 'kysely';
import { seedDemo } from '../apps/server/src/demo/seed-demo.js';
import { createPeopleProtection } from '../apps/server/src/modules/cases/index.js';
import { createFieldCipher } from '../apps/server/src/platform/crypto/field-encryption.js';
import { createLookupHasher } from '../apps/server/src/platform/crypto/lookup-hash.js';
import { openDatabase } from '../apps/server/src/platform/db/database.js';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.js';
// @ts-expect-error: plain JavaScript helpers shared by the benchmarks
import { startServer, stopServer } from './lib.mjs';

/** The slice of Lighthouse's API used here. */
type LighthouseRun = (url: string, flags: Record<string, unknown>) => Promise<{
  lhr: {
    lighthouseVersion: string;
    categories: { performance?: { score: number | null } };
    audits: Record<string, { numericValue?: number } | undefined>;
    configSettings: { throttling: { rttMs?: number; throughputKbps?: number; cpuSlowdownMultiplier?: number } };
  };
} | undefined>;

type Figure = { name: string; value: number; unit: string; target: number | null; comparison: 'max' | 'min' | 'report'; note?: string };
const figures: Figure[] = [];
const CONCURRENCY = Number(process.env.INTAKE_BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.INTAKE_BENCH_REQUESTS ?? 3000);
const WARM_UP = 300;

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

async function intakeLatency() {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const name = 'glocal_bench_intake';
  const at = (database: string) => Object.assign(new URL(base), { pathname: `/${database}` }).toString();
  const admin = await openDatabase({ kind: 'postgres', url: at('postgres') });
  await sql`drop database if exists ${sql.id(name)}`.execute(admin);
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = at(name);
  try {
    const key = Buffer.alloc(32, 42);
    const db = await openDatabase({ kind: 'postgres', url });
    await migrateToLatest(db);
    // The demo network and its ~300 people: duplicate detection looks among them at each submission.
    await seedDemo(db, { people: createPeopleProtection({ cipher: createFieldCipher(key), lookupHasher: createLookupHasher(key) }) });
    const territories = Object.fromEntries((await db.selectFrom('territory').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
    await db.destroy();
    // The built app in its own process, as in production: the load generator here does not share its event loop.
    const server = await startServer({
      PORT: '3293', DATABASE_URL: url, DATA_DIR: 'memory://', SEED_DEMO: 'false', ENCRYPTION_KEY: key.toString('base64'),
      // High enough for one client's share of the run: the limit itself must not be what is measured.
      INTAKE_RATE_LIMIT_PER_HOUR: String(REQUESTS + WARM_UP),
    });
    const target = `${server.url}/api/v1/intake`;

    let sent = 0;
    const body = (n: number) =>
      JSON.stringify({
        requestKind: n % 3 === 0 ? 'job' : 'business_project',
        person: {
          givenName: `Bench${n % 97}`, familyName: `Charge${n}`, email: `bench.${n}@example.org`, phone: `+32 470 ${String(n).padStart(6, '0')}`,
          languages: ['fr', 'wo'], residenceTerritoryId: territories['BE-BRU'], originTerritoryId: territories['SN-DB-DIO'],
        },
        need: 'Je voudrais ouvrir un commerce à Diourbel et j’ai besoin de conseils.',
        ...(n % 3 === 0 ? {} : { businessProject: { idea: 'Boutique', isicSection: 'G', isicDivision: '47', funds: { currency: 'EUR', own: '1500', needed: '6000.50' } } }),
        locale: 'fr',
        consent: { processing: true, policyVersion: INTAKE_POLICY_VERSION },
      });
    // Each client is a phone of its own: its own keep-alive connection from its own loopback
    // address (127.0.0.2, .3, …), so the per-address limit and its counter row are each client's.
    const clients = Array.from({ length: CONCURRENCY }, (_, i) => ({
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
      localAddress: `127.0.0.${i + 2}`,
    }));
    const { port } = new URL(target);
    const post = (client: (typeof clients)[number], payload: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, path: '/api/v1/intake', method: 'POST', agent: client.agent, localAddress: client.localAddress,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
    async function run(total: number) {
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      await Promise.all(
        clients.map(async (client) => {
          while (next < total) {
            next++;
            const start = performance.now();
            try {
              if ((await post(client, body(sent++))) !== 201) errors++;
            } catch {
              errors++;
            }
            latencies.push(performance.now() - start);
          }
        }),
      );
      return { latencies: latencies.sort((a, b) => a - b), errors };
    }
    await run(WARM_UP);
    const started = performance.now();
    const { latencies, errors } = await run(REQUESTS);
    const seconds = (performance.now() - started) / 1000;
    figures.push({
      name: 'intake-submit-p95', value: p(latencies, 0.95), unit: 'ms', target: 80, comparison: 'max',
      note: `${CONCURRENCY} concurrent clients, ${REQUESTS} submissions on PostgreSQL; p50 ${p(latencies, 0.5).toFixed(1)} ms, p99 ${p(latencies, 0.99).toFixed(1)} ms, ${(REQUESTS / seconds).toFixed(0)} req/s`,
    });
    figures.push({ name: 'intake-submit-errors', value: errors, unit: 'errors', target: 0, comparison: 'max', note: `of ${REQUESTS}` });
    for (const client of clients) client.agent.destroy();
    await stopServer(server.child);
  } finally {
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    await admin.destroy();
  }
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function intakePage() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-bench-intake-'));
  const server = await startServer({ PORT: '3292', DATA_DIR: dataDir, SEED_DEMO: 'true' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // What a phone downloads to show /intake: every script, gzipped.
    const page = await browser.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(`${server.url}/intake`, { waitUntil: 'networkidle' });
    const bodies = await Promise.all(scripts);
    const gzipped = bodies.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
    figures.push({ name: 'intake-page-js-gzip', value: gzipped / 1024, unit: 'KB', target: 100, comparison: 'max', note: `${bodies.length} scripts` });
    await page.close();

    // Lighthouse's mobile throttling (its DevTools values: 562.5 ms RTT, 1.474 Mbps down,
    // 675 kbps up, CPU 4× slower), applied through the Chrome DevTools Protocol; cold cache.
    // "Usable" is when the form's submit button is on screen, its options loaded.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
    const phone = await context.newPage();
    const cdp = await context.newCDPSession(phone);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = performance.now();
    await phone.goto(`${server.url}/intake`, { waitUntil: 'commit' });
    await phone.locator('button[type="submit"]').waitFor({ state: 'visible', timeout: 60_000 });
    const usable = (performance.now() - start) / 1000;
    const paints = await phone.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])));
    figures.push({
      name: 'intake-page-usable-mobile-throttled', value: usable, unit: 's', target: null, comparison: 'report',
      note: `Lighthouse's mobile throttling values applied by Chromium (CDP), cold cache, until the submit button shows; first contentful paint ${((paints['first-contentful-paint'] ?? 0) / 1000).toFixed(2)} s`,
    });
    await context.close();

    // Lighthouse itself, through the same Chromium's debugging port (offline: it fetches nothing).
    // Not a dependency (its own dependencies follow moving tags, which breaks `npm ci`):
    // `npm install --no-save lighthouse@12` first to get these two figures.
    const lighthouse = await import('lighthouse' as string).then((module) => module.default as LighthouseRun, () => null);
    if (!lighthouse) {
      console.error('[intake bench] Lighthouse is not installed (npm install --no-save lighthouse@12): its figures are skipped');
      return;
    }
    const audited = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--remote-debugging-port=9334'] });
    try {
      const result = await lighthouse(`${server.url}/intake`, { port: 9334, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const lhr = result!.lhr;
      const seconds = (id: string) => (lhr.audits[id]?.numericValue ?? 0) / 1000;
      const throttling = lhr.configSettings.throttling;
      figures.push({
        name: 'intake-page-lighthouse-mobile-performance', value: (lhr.categories.performance?.score ?? 0) * 100, unit: 'score', target: null, comparison: 'report',
        note: `Lighthouse ${lhr.lighthouseVersion}, mobile, simulated ${throttling.rttMs} ms RTT, ${Math.round(throttling.throughputKbps ?? 0)} kbps, CPU ×${throttling.cpuSlowdownMultiplier}; FCP ${seconds('first-contentful-paint').toFixed(2)} s, LCP ${seconds('largest-contentful-paint').toFixed(2)} s, TBT ${(seconds('total-blocking-time') * 1000).toFixed(0)} ms`,
      });
      figures.push({
        name: 'intake-page-lighthouse-interactive', value: seconds('interactive'), unit: 's', target: null, comparison: 'report',
        note: 'Lighthouse time to interactive (mobile); issue target 3 s',
      });
    } finally {
      await audited.close();
    }
  } finally {
    await browser.close();
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await intakeLatency();
await intakePage();
console.log(JSON.stringify(figures));
process.exit(0);
