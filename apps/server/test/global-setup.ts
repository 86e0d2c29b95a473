import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { kyselyOnPGlite, PGLITE_EXTENSIONS } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite database costs seconds and hundreds of MB, so the run migrates one template
 * and each test file loads a copy of it. On PostgreSQL each file migrates its own schema instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'glocal-template-'));
  const pglite = new PGlite({ extensions: PGLITE_EXTENSIONS });
  await migrateToLatest(kyselyOnPGlite(pglite));
  const file = path.join(dir, 'template.tar.gz');
  await fs.writeFile(file, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', file);
  return async () => fs.rm(dir, { recursive: true, force: true });
}
