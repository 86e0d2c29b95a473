import { describe, expect, it } from 'vitest';
import { poolRandomBytes } from './random-pool.js';

describe('poolRandomBytes', () => {
  it('hands out slices of the asked size that never repeat or change, across pool refills', () => {
    const drawn = Array.from({ length: 1_000 }, () => poolRandomBytes(12));
    const copies = drawn.map((bytes) => Buffer.from(bytes).toString('hex'));
    expect(drawn.every((bytes) => bytes.length === 12)).toBe(true);
    expect(new Set(copies).size).toBe(1_000);
    poolRandomBytes(4_000); // spends the pool: the next draw comes from a new one
    poolRandomBytes(12);
    expect(drawn.map((bytes) => bytes.toString('hex'))).toEqual(copies);
    expect(poolRandomBytes(5_000)).toHaveLength(5_000);
  });
});
