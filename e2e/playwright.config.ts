import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

/*
 * End-to-end journeys in Debian's Chromium against the real production build: the Fastify
 * server (built by `npm run build` at the root) serving the web app, the API and its docs,
 * on a fresh in-memory PGlite seeded with the demo data.
 */

const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  // Never skip: a journey that did not run must not pass. Playwright's own browsers are not used.
  throw new Error(`${CHROMIUM} not found. Install Debian's Chromium first: apt-get install -y chromium`);
}

// E2E_PORT lets two runs share a machine (a CI dry run beside a developer's run).
const PORT = Number(process.env.E2E_PORT ?? 3199);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// E-mail goes through real SMTP: journeys that read an e-mail (a confirmation link) listen here
// for their duration; when none listens, the server logs the failed delivery and carries on.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 1000);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  projects: [
    { name: 'journeys', testIgnore: ['staff-signs-in.spec.ts', 'person-manages-their-account.spec.ts'] },
    { name: 'sign-in', testMatch: 'staff-signs-in.spec.ts' },
    // Turns two-step sign-in on (then off) for a demo account that staff-signs-in.spec.ts signs in
    // with its password alone: runs after that file, so the two never race.
    { name: 'account-security', testMatch: 'person-manages-their-account.spec.ts', dependencies: ['sign-in'] },
  ],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // A known starting language, whatever the machine's own.
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node ../apps/server/dist/server.js',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    },
    url: `${BASE_URL}/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
