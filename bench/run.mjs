// `npm run bench`: speed and memory figures against their targets, on the production build.
// Each benchmark writes bench/results/<name>.json; the run exits non-zero if a target is missed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { ensureBuilt } from '../scripts/ensure-built.mjs';
import { printTable, record, results, root, rssMb, startServer, stopServer } from './lib.mjs';

ensureBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-bench-'));
const env = { PORT: '3291', DATA_DIR: dataDir, SEED_DEMO: 'true' };

try {
  // 1. First start creates and seeds the embedded database: reported, no target.
  const first = await startServer(env);
  record('first-start-to-ready', first.readyMs / 1000, 's', null, 'report', 'creates the PGlite database');
  await stopServer(first.child);

  // 2. Cold start on the existing data directory, and memory once ready.
  const cold = await startServer(env);
  record('cold-start-to-ready', cold.readyMs / 1000, 's', 3, 'max', 'existing PGlite data directory');
  await new Promise((resolve) => setTimeout(resolve, 500));
  record('rss-after-start', rssMb(cold.child.pid), 'MB', 400, 'max');

  // 3. Liveness throughput on loopback.
  const load = await autocannon({ url: `${cold.url}/health`, connections: 50, pipelining: 1, duration: 10 });
  record('health-throughput', load.requests.average, 'req/s', 10_000, 'min', `p99 latency ${load.latency.p99} ms, ${load.errors} errors`);

  // 4. What a phone downloads to show the home page: every JS response, gzipped.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(cold.url, { waitUntil: 'networkidle' });
  const bodies = await Promise.all(scripts);
  await browser.close();
  const gzipped = bodies.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
  record('home-page-js-gzip', gzipped / 1024, 'KB', 150, 'max', `${bodies.length} scripts`);

  // 5. Sign-in throughput with the argon2id parameters in platform/auth/passwords.ts.
  const signIns = await autocannon({
    url: `${cold.url}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coach.diourbel@glocal.test', password: 'glocal-demo-2026' }),
    connections: 4,
    duration: 8,
  });
  record('sign-in-throughput', signIns.requests.average, 'sign-ins/s', 20, 'min',
    `argon2id m=19456 KiB, t=2, p=1; ${signIns.non2xx} non-2xx`);

  await stopServer(cold.child);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// 6. Policy evaluation overhead, in-process.
const policy = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/policy-overhead.ts'], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1),
);
record('policy-overhead-p95', policy.overheadP95, 'ms', 0.2, 'max',
  `p95 with policy ${policy.guardedP95.toFixed(3)} ms vs without ${policy.openP95.toFixed(3)} ms`);

// 7. Each domain's figures, on PostgreSQL: bench/<domain>.bench.ts prints a JSON array of results
// ({ name, value, unit, target, comparison, note }) as its last line of output.
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
for (const file of fs.readdirSync(path.join(root, 'bench')).filter((name) => name.endsWith('.bench.ts')).sort()) {
  const output = execFileSync(process.execPath, ['--import', 'tsx', `bench/${file}`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_DATABASE_URL: postgresUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const figure of JSON.parse(output.trim().split('\n').at(-1))) {
    record(figure.name, figure.value, figure.unit, figure.target, figure.comparison, figure.note);
  }
}

printTable();
process.exit(results.every((result) => result.pass) ? 0 : 1);
