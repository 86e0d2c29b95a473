import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../platform/db/database.js';
import { gridCells } from './directory.repository.js';

// The app lists a box's cells; the database numbers each point's cell: both must agree.
describe('grid cells of a "near me" box', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
  });
  afterAll(() => drop());

  it('holds the cell the database gives every point inside the box, west and south of Greenwich included', async () => {
    const points: [number, number][] = [[14.6552, -16.2314], [14.7, -16.3], [14.39, -16.51], [50.85, 4.35], [-0.05, -0.05], [45.41, 11.88]];
    for (const [lat, lon] of points) {
      const cells = gridCells(lat - 0.27, lat + 0.27, lon - 0.28, lon + 0.28)!;
      const { rows } = await sql<{ cell: number }>`select directory_grid_cell(${lat}::float8, ${lon}::float8) as cell`.execute(db);
      expect(cells).toContain(rows[0]!.cell);
      expect(cells.length).toBeLessThanOrEqual(49);
    }
  });

  it('gives up on boxes too wide to list, or across a pole or the antimeridian', () => {
    expect(gridCells(10, 40, -20, 20)).toBeNull();
    expect(gridCells(89.9, 90.2, 0, 1)).toBeNull();
    expect(gridCells(10, 11, 179.9, 180.1)).toBeNull();
    // Latitudes 14.6–14.8 and longitudes -16.3 to -16.1: two rows of two cells.
    const cell = (lat: number, lon: number) => (lat + 900) * 3600 + lon + 1800;
    expect(gridCells(14.61, 14.72, -16.25, -16.15)).toEqual([cell(146, -163), cell(146, -162), cell(147, -163), cell(147, -162)]);
  });
});
