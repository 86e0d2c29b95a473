// `npm test`: the whole suite. Type-check, unit and integration tests (Vitest, on PGlite, or on
// PostgreSQL when DATABASE_URL is set), then a production build and the browser journeys
// (Playwright in Debian's Chromium). Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

if (!fs.existsSync(CHROMIUM)) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}, which is missing.\n` +
      'Install it with: sudo apt-get install -y chromium   (then run npm test again)',
  );
  process.exit(1);
}

const stages = [
  ['type-check', 'npm', ['run', 'typecheck']],
  ['unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['production build', 'npm', ['run', 'build']],
  ['browser journeys', 'npm', ['run', 'test', '-w', '@glocal/e2e']],
];

for (const [name, command, args] of stages) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n✓ all stages passed');
