import { describe, expect, it } from 'vitest';
import { decodeTimeCursor, encodeCursor } from './cursor.js';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

describe('time cursors', () => {
  it('read back the timestamp as PostgreSQL wrote it, to the microsecond, with its id', () => {
    expect(decodeTimeCursor(encodeCursor(['2026-12-01 17:51:00.123456+00', ID]))).toEqual(['2026-12-01 17:51:00.123456+00', ID]);
    expect(decodeTimeCursor(encodeCursor(['2026-12-01 18:51:00+05:30', ID]))).toEqual(['2026-12-01 18:51:00+05:30', ID]);
  });

  it('refuse a tampered one with 400 invalid_cursor, before the database would fail on it', () => {
    for (const key of [['2026-13-01 00:00:00+00', ID], ['yesterday', ID], ['2026-12-01 17:51:00+00', 'not-an-id'], ['2026-12-01 17:51:00+00']]) {
      expect(() => decodeTimeCursor(encodeCursor(key)), JSON.stringify(key)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    }
  });
});
