import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.js';
import { importHsdsDirectory } from './hsds-cli.js';

const cli = path.resolve(import.meta.dirname, '../../../cli.ts');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-hsds-cli-'));

/** `npm run glocal -- …` in its own process, on its own embedded database. */
function glocal(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', DATA_DIR: path.join(work, 'data'), SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

// Each run starts Node, compiles TypeScript and opens PGlite: slow on a loaded machine.
describe('glocal import hsds / export hsds', { timeout: 120_000 }, () => {
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('imports a CSV folder, reports bad rows with table, row, field and reason, and exports it back', async () => {
    const source = path.join(work, 'in');
    fs.mkdirSync(source);
    const org = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    fs.writeFileSync(path.join(source, 'organizations.csv'), `id,name,description\n${org},Coopérative de Thiès,Épargne et crédit\n`);
    fs.writeFileSync(path.join(source, 'services.csv'), `id,organization_id,name,status\n9b2f1c3e-2d4a-4b5c-8d6e-7f8091a2b3c4,${org},Crédit agricole,active\n`);
    fs.writeFileSync(path.join(source, 'locations.csv'), 'id,location_type,latitude,longitude\n0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,physical,95,10\n');

    const refused = await glocal(['import', 'hsds', source]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('location row 1 field latitude: out_of_range');
    expect(refused.stderr).toMatch(/Nothing imported/);

    const partial = await glocal(['import', 'hsds', source, '--valid-only']);
    expect(partial.code).toBe(2);
    expect(partial.stdout).toMatch(/Imported: organization 1, service 1/);

    const out = path.join(work, 'out');
    const exported = await glocal(['export', 'hsds', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, 'services.csv'), 'utf8')).toContain('Crédit agricole');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')).resources.length).toBeGreaterThan(21);
  });
});

describe('importHsdsDirectory (the function behind the command) with bad files', () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-hsds-bad-'));
  const run = async (source: string) => {
    const lines: string[] = [];
    const log = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const ok = await importHsdsDirectory(t.db, source, { validOnly: false, log });
    return { ok, output: lines.join('\n') };
  };
  const organizations = async () => Number((await sql<{ n: number }>`select count(*)::int as n from hsds_organization`.execute(t.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a Latin-1 CSV file is refused with an encoding error naming its first bad cell, and nothing is imported', async () => {
    const source = path.join(dir, 'latin1');
    fs.mkdirSync(source);
    const org = '7c9e6679-7425-40de-944b-e07fc1f90ae8';
    // Real Latin-1 bytes: é is 0xE9 and è is 0xE8, never valid UTF-8 on their own.
    fs.writeFileSync(path.join(source, 'organizations.csv'), Buffer.from(`id,name,description\n${org},Coopérative de Thiès,Épargne et crédit\n`, 'latin1'));
    const { ok, output } = await run(source);
    expect(ok).toBe(false);
    expect(output).toContain('organization row 1 field name: invalid_encoding');
    expect(output).toContain('Files must be UTF-8');
    expect(output).toMatch(/Nothing imported/);
    expect(output).not.toContain('\uFFFD');
    expect(await organizations()).toBe(0);
  });

  it('a malformed JSON file is reported as such, not thrown, and nothing is imported', async () => {
    const cases: [string, string][] = [
      ['truncated.json', '{"services": [{"id": "9b2f1c3e-2d4a-4b5c-8d6e-7f8091a2b3c4", "name": "Crédit"'],
      ['not-hsds.json', '{"hello": "world"}'],
      ['null.json', 'null'],
    ];
    for (const [name, text] of cases) {
      fs.writeFileSync(path.join(dir, name), text);
      const { ok, output } = await run(path.join(dir, name));
      expect(ok, name).toBe(false);
      expect(output, name).toContain(`${name} row 0: malformed_json`);
      expect(output, name).toMatch(/Nothing imported/);
    }
    // Valid JSON, but services that are not objects: row errors, as for CSV.
    fs.writeFileSync(path.join(dir, 'odd.json'), JSON.stringify([null, { id: '9b2f1c3e-2d4a-4b5c-8d6e-7f8091a2b3c4', name: 'Crédit', status: 'active', phones: [5] }]));
    const odd = await run(path.join(dir, 'odd.json'));
    expect(odd.ok).toBe(false);
    expect(odd.output).toContain('service row 1: not_an_object');
    expect(odd.output).toContain('service row 2 field phones: not_an_object');
    expect(await organizations()).toBe(0);
  });
});
