import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { COPY_FROM_STDIN, copyThroughClient } from './copy-rows.js';

/** Distinct texts remembered before the count starts again: bounds the memory of a process sending many one-off texts. */
const SEEN_TEXTS_LIMIT = 10_000;
/** Statements kept prepared per connection: bounds each backend's plan cache. */
const PREPARED_PER_CONNECTION = 256;

/**
 * Server-side prepared statements for the texts the app sends again and again. A text seen a second
 * time is sent with a name (its hash), so each connection parses and plans it once and PostgreSQL
 * may keep a generic plan; on a short request most of the database's time was parsing and planning
 * (the intake's four statements: 2.5 of their 3.7 ms). One-off texts (a search with its inlined
 * tsquery) stay unnamed, and a connection keeps at most PREPARED_PER_CONNECTION of them.
 * This wrapper is the one place that holds pg's client, so it also feeds `copyRows`'s COPY statements.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  /** Each text sent: null once, then the name it is prepared under. */
  const seen = new Map<string, string | null>();
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();

  function nameFor(client: pg.PoolClient, text: string): string | undefined {
    let name = seen.get(text);
    if (name === undefined) {
      if (seen.size >= SEEN_TEXTS_LIMIT) seen.clear();
      seen.set(text, null);
      return undefined;
    }
    if (name === null) seen.set(text, (name = `k${createHash('sha1').update(text).digest('base64url')}`));
    let names = prepared.get(client);
    if (!names) prepared.set(client, (names = new Set()));
    if (names.has(name)) return name;
    if (names.size >= PREPARED_PER_CONNECTION) return undefined;
    names.add(name);
    return name;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        query: ((textOrCursor: string | PostgresCursor<unknown>, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
          if (COPY_FROM_STDIN.test(textOrCursor)) return copyThroughClient(client, textOrCursor, values![0] as string);
          const name = nameFor(client, textOrCursor);
          return client.query(name ? { name, text: textOrCursor, values: values as unknown[] } : { text: textOrCursor, values: values as unknown[] });
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}
