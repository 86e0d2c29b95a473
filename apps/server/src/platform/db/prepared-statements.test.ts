import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withPreparedStatements } from './prepared-statements.js';

/** A pool of one client that records the query configs it is sent (what pg would get). */
function recordingPool(clients = 1) {
  const sent: { client: number; name?: string; text: string }[] = [];
  const made = Array.from({ length: clients }, (_, index) => ({
    query: async (config: { name?: string; text: string }) => {
      sent.push({ client: index, ...(config.name ? { name: config.name } : {}), text: config.text });
      return { command: 'SELECT', rowCount: 0, rows: [] };
    },
    release: () => undefined,
  }));
  let next = 0;
  const pool = { connect: async () => made[next++ % clients], end: async () => undefined } as unknown as pg.Pool;
  return { pool: withPreparedStatements(pool), sent };
}

describe('prepared statements for repeated texts', () => {
  it('sends a text unnamed the first time, then under one stable name, on every connection', async () => {
    const { pool, sent } = recordingPool(2);
    for (let i = 0; i < 4; i++) {
      const client = await pool.connect();
      await client.query('select * from person where id = $1', [i]);
      client.release();
    }
    expect(sent[0]).not.toHaveProperty('name');
    const names = sent.slice(1).map((query) => query.name);
    expect(names.every((name) => name && name === names[0])).toBe(true);
    expect(new Set(sent.slice(1).map((query) => query.client))).toEqual(new Set([0, 1]));
  });

  it('never names a text seen once, and names different texts differently', async () => {
    const { pool, sent } = recordingPool();
    const client = await pool.connect();
    await client.query("select 'one-off search'", []);
    await client.query('select 1', []);
    await client.query('select 2', []);
    await client.query('select 1', []);
    await client.query('select 2', []);
    expect(sent.slice(0, 3).every((query) => !query.name)).toBe(true);
    expect(sent[3]!.name).toBeTruthy();
    expect(sent[4]!.name).toBeTruthy();
    expect(sent[3]!.name).not.toBe(sent[4]!.name);
  });

  it('keeps at most 256 statements prepared on a connection; beyond that, texts go unnamed', async () => {
    const { pool, sent } = recordingPool();
    const client = await pool.connect();
    for (let round = 0; round < 2; round++) for (let i = 0; i < 300; i++) await client.query(`select ${i}`, []);
    const named = new Set(sent.filter((query) => query.name).map((query) => query.name));
    expect(named.size).toBe(256);
    expect(sent.at(-1)).not.toHaveProperty('name');
  });
});
