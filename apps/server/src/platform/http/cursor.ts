import { Id } from '@glocal/contracts';
import { BadRequestError } from '../errors/app-error.js';

/**
 * Opaque keyset cursors: the sort key of the last row sent, as base64url JSON. Clients must not
 * build them; a tampered cursor answers 400 invalid_cursor.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestError('invalid_cursor');
}

/** `2026-12-01 17:51:00.123456+00`, as PostgreSQL writes a timestamptz. */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(?::(\d{2}))?$/;
const isTimestamp = (text: string) => {
  const parts = TIMESTAMP.exec(text);
  return parts !== null && !Number.isNaN(Date.parse(`${parts[1]}T${parts[2]}${parts[3]}:${parts[4] ?? '00'}`));
};

/**
 * A cursor on (timestamp, id): the timestamp as the database wrote it (`column::text`, to the
 * microsecond), checked here so a tampered one is a 400, not a cast error.
 */
export function decodeTimeCursor(cursor: string): [string, string] {
  const [time, id] = decodeCursor(cursor, 2).map(String) as [string, string];
  if (!isTimestamp(time) || !Id.safeParse(id).success) throw new BadRequestError('invalid_cursor');
  return [time, id];
}

/** Takes `limit + 1` rows fetched and returns the page plus the cursor for the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
