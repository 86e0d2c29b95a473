import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { PGliteDialect } from './pglite-dialect.js';
import { withPreparedStatements } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
/** What repositories take: the database or a transaction, so services can compose them. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; searchPath?: string; applicationName?: string }
  | { kind: 'pglite'; dataDir: string; loadDataDir?: Blob };

// numeric stays a string (exact money); bigint counts become JS numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Contrib modules the migrations create (`create extension`): PGlite ships them as separate imports. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** The one place that knows which engine runs: everything above sees a Kysely<DB>. */
export async function openDatabase(target: DatabaseTarget, log?: FastifyBaseLogger): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: 5_000,
      application_name: target.applicationName ?? 'glocal',
      ...(target.searchPath ? { options: `-c search_path=${target.searchPath}` } : {}),
    });
    // An idle client whose backend dies emits 'error' on the pool; without a listener Node would
    // crash. The pool drops that client and the next query opens a fresh one: we recover by itself.
    pool.on('error', (error) => log?.warn({ err: error }, 'database connection lost'));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }), plugins: [new CamelCasePlugin()] });
  }
  if (target.dataDir !== 'memory://') fs.mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite({
    extensions: PGLITE_EXTENSIONS,
    // PostgreSQL's default 128 MB of shared buffers lives in the process's own memory here; the
    // embedded database is the small deployment's (and the demo's), and 32 MB hold its working set.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    ...(target.dataDir === 'memory://' ? {} : { dataDir: target.dataDir }),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  return kyselyOnPGlite(pglite);
}

const onOneConnection = new WeakSet<Database>();
export function kyselyOnPGlite(pglite: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin()] });
  onOneConnection.add(db);
  return db;
}

/** Whether the database serves one connection (PGlite): work meant for several at once must run in turn, inside one transaction. */
export const hasOneConnection = (db: Database): boolean => onOneConnection.has(db);

/** Liveness of the database, for `/ready`: a short query with its own deadline. */
export async function pingDatabase(db: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true), deadline]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
