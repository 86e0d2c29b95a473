import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
