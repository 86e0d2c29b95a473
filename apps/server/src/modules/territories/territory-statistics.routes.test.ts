import { TerritoryStatisticList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';

const HEADER = 'territory_code,year,population_total,population_female,population_male,foreign_born,emigrants_abroad,source';

describe('territory statistics', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  const importCsv = (session: Session, csv: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/territories/statistics/import',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const statisticsOf = async (code: string, session: Session) => {
    const { rows } = await sql<{ id: string }>`select id from territory where code = ${code}`.execute(t.db);
    const response = await t.inject({ method: 'GET', url: `/api/v1/territories/${rows[0]!.id}/statistics`, headers: session.headers });
    return TerritoryStatisticList.parse(response.json()).items;
  };
  const rowCount = async () => Number((await sql<{ n: number }>`select count(*) as n from territory_statistic`.execute(t.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    officer = await signIn(t, 'officer.diourbel@glocal.test');
    admin = await signIn(t, 'admin@glocal.test');
  });
  afterAll(() => t.close());

  it('an LRA officer imports figures for their territories; a year already there is replaced', async () => {
    const response = await importCsv(
      officer,
      `${HEADER}\nSN-DB-MBA,2022,1000000,520000,480000,5000,40000,ANSD census\nSN-DB,2023,2100000,1070000,1030000,22000,98000,ANSD estimate\n`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    expect((await statisticsOf('SN-DB', officer))[0]).toMatchObject({ year: 2023, populationTotal: 2_100_000, emigrantsAbroad: 98_000, source: 'ANSD estimate' });
    expect(await statisticsOf('SN-DB-MBA', officer)).toHaveLength(1);
  });

  it('refuses the whole file when a row is wrong, naming line and column, and stores nothing', async () => {
    const before = await rowCount();
    const response = await importCsv(
      officer,
      `${HEADER}\nSN-DB-BAM,2021,300000,150000,150000,,9000,ANSD\nSN-DB-BAM,20x1,-5,,,,,ANSD\nXX-NOWHERE,2021,,,,,,ANSD\nSN-DB-DIO,2021,100,80,80,,,ANSD\n`,
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('territory.statistics_invalid');
    expect(body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/3/population_total', '/3/year', '/4/territory_code', '/5/population_total',
    ]);
    expect(await rowCount()).toBe(before);
  });

  it("refuses rows for territories outside the officer's organisation (403), accepts them from an administrator", async () => {
    const csv = `${HEADER}\nIT-34,2022,4800000,,,490000,,ISTAT\n`;
    const refused = await importCsv(officer, csv);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'territory.outside_actor_territories', params: { line: 2, territoryCode: 'IT-34' } });
    expect((await importCsv(admin, csv)).statusCode).toBe(200);
  });

  it('a coach may read figures but not import them', async () => {
    const coach = await signIn(t, 'coach.veneto@glocal.test');
    expect((await statisticsOf('IT-34', coach)).map((s) => s.year)).toEqual([2023, 2022]);
    expect((await importCsv(coach, `${HEADER}\nIT-34,2020,1,,,,,x\n`)).statusCode).toBe(403);
  });
});
