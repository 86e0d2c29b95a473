// `npm start`: build what is missing, then run the server (PORT, DATA_DIR, SEED_DEMO… honoured).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const server = spawn(process.execPath, ['--enable-source-maps', path.resolve(import.meta.dirname, '../apps/server/dist/server.js')], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
