import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/** Ten failures in fifteen minutes lock the key for fifteen minutes. */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * Sign-in throttling, kept in the database so every app process sees the same counts. Keys are
 * per account (`account:<email>`) and per address (`ip:<address>`); an unknown e-mail is counted
 * like a known one, so the answers reveal nothing.
 */
export function signInThrottle(db: Executor) {
  return {
    /** Seconds until the first of these keys unlocks, or 0 when none is locked. */
    async retryAfterSeconds(keys: string[]): Promise<number> {
      const rows = await db
        .selectFrom('signInThrottle')
        .select('lockedUntil')
        .where('key', 'in', keys)
        .where('lockedUntil', '>', new Date())
        .execute();
      const until = Math.max(0, ...rows.map((row) => row.lockedUntil!.getTime()));
      return until ? Math.ceil((until - Date.now()) / 1000) : 0;
    },

    async recordFailure(keys: string[]): Promise<void> {
      const now = new Date();
      const windowStart = new Date(now.getTime() - WINDOW_MS);
      const lockUntil = new Date(now.getTime() + LOCK_MS);
      for (const key of keys) {
        await sql`
          insert into sign_in_throttle as t (key, failures, window_started_at)
          values (${key}, 1, ${now})
          on conflict (key) do update set
            failures = case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end,
            window_started_at = case when t.window_started_at < ${windowStart} then ${now} else t.window_started_at end`.execute(db);
        await sql`
          update sign_in_throttle set locked_until = ${lockUntil}, failures = 0, window_started_at = ${now}
           where key = ${key} and failures >= ${MAX_FAILURES}`.execute(db);
      }
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('signInThrottle').where('key', '=', key).execute();
    },
  };
}
