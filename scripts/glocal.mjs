// `npm run glocal -- <command>`: the server's command-line tools (see --help).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const cli = path.resolve(import.meta.dirname, '../apps/server/dist/cli.js');
const result = spawnSync(process.execPath, ['--enable-source-maps', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
