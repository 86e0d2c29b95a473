import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const serverEntry = path.resolve(import.meta.dirname, '../src/server.ts');

/** Runs src/server.ts in its own process, as `npm start` does with the build. */
function runServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', HOST: '127.0.0.1', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

// Each test starts a Node process that compiles TypeScript on the fly: slow on a loaded machine.
describe('the server process', { timeout: 90_000 }, () => {
  it('with invalid configuration, exits non-zero naming each bad variable', async () => {
    const server = runServer({ PORT: 'http', LOG_LEVEL: 'chatty', DATA_DIR: 'memory://' });
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toMatch(/PORT:/);
    expect(stderr).toMatch(/LOG_LEVEL:/);
  });

  it('when the database cannot be reached at start, says so and exits non-zero', async () => {
    const server = runServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr).toMatch(/Cannot reach the database at DATABASE_URL/);
  });

  it('on SIGTERM, stops accepting, closes the database and exits 0 within the 10 s grace period', async () => {
    const server = runServer({ PORT: '0', DATA_DIR: 'memory://' });
    let port: string | undefined;
    for (let waited = 0; !port && waited < 60_000; waited += 100) {
      port = /ready at http:\/\/[^:]+:(\d+)/.exec(server.output().stdout)?.[1];
      if (!port) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(port, server.output().stderr).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);

    server.child.kill('SIGTERM');
    // Past the 10 s grace period close-with-grace forces exit code 1: 0 means a clean, timely close.
    expect(await server.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 90_000);
});
