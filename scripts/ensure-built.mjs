// Builds the web app and the server when their output is missing or older than their sources,
// so `npm start` works on a fresh clone and after a pull without a separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (full.includes(`${path.sep}node_modules${path.sep}`) || full.includes(`${path.sep}dist${path.sep}`)) continue;
    newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(output, sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((dir) => newestMtime(path.join(root, dir)) > built);
}

export function ensureBuilt() {
  const contracts = 'packages/contracts/src';
  if (isStale(path.join(root, 'apps/web/dist/index.html'), ['apps/web/src', contracts])) {
    console.log('Building the web app…');
    execSync('npm run build -w @glocal/web', { cwd: root, stdio: 'inherit' });
  }
  if (isStale(path.join(root, 'apps/server/dist/server.js'), ['apps/server/src', contracts])) {
    console.log('Building the server…');
    execSync('npm run build -w @glocal/server', { cwd: root, stdio: 'inherit' });
  }
}
