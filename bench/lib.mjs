// Shared helpers for `npm run bench`: start the built server, wait for readiness, record results.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const serverEntry = path.join(root, 'apps/server/dist/server.js');
const resultsDir = path.join(root, 'bench/results');

export const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/** Starts the built server and resolves once /ready answers 200, with the time it took. */
export async function startServer(env) {
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS (say `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, serverEntry], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (performance.now() - started > 120_000) throw new Error('server not ready after 120 s');
    try {
      if ((await fetch(`${url}/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, url, readyMs: performance.now() - started };
}

export async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process, in MB, from /proc (Linux). */
export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

export const results = [];

/** `comparison`: 'max' when the value must stay at or below the target, 'min' at or above. */
export function record(name, value, unit, target, comparison, note) {
  const pass = comparison === 'max' ? value <= target : comparison === 'min' ? value >= target : true;
  const result = {
    name,
    value: Math.round(value * 100) / 100,
    unit,
    target: comparison === 'max' ? `<= ${target}` : comparison === 'min' ? `>= ${target}` : 'report only',
    pass,
    machine,
    date: new Date().toISOString(),
    ...(note ? { note } : {}),
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  results.push(result);
  return result;
}

export function printTable() {
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, r.target, r.pass ? 'pass' : 'FAIL']);
  const header = ['benchmark', 'value', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log(`\nmachine: ${machine}; results in bench/results/`);
}
