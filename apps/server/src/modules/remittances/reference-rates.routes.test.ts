import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CorridorStats, Problem, ReferenceRateImportReport } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { createAuditTrail } from '../../platform/audit/audit-trail.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { importReferenceRateFile } from './price-import-file.js';
import { addPrice } from './remittances.fixtures.js';

const HEADER = 'Base_Currency,Quote Currency,DATE,Rate,Source';

describe('reference exchange rates imported from CSV', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let coach: Session;
  const upload = (csv: string, query = '', session: Session = officer) =>
    t.inject({ method: 'POST', url: `/api/v1/remittances/reference-rates/imports${query}`, headers: { ...session.headers, 'content-type': 'text/csv' }, payload: csv });
  /** The rates stored for these (non-demo) dates, as `BASE/QUOTE date rate source`. */
  const storedRates = async () =>
    (
      await sql<{ line: string }>`
        select base_currency || '/' || quote_currency || ' ' || to_char(rate_date, 'YYYY-MM-DD') || ' ' || trim_scale(rate)::text || ' ' || source as line
        from remittance_reference_rate where rate_date between '2030-01-01' and '2030-12-31' order by 1`.execute(t.db)
    ).rows.map((row) => row.line);
  const stats = async () => CorridorStats.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/GB-NG/stats?period=2030-Q2' })).json());

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [officer, admin, coach] = (await Promise.all(['officer.diourbel', 'admin', 'coach.diourbel'].map((name) => signIn(t, `${name}@glocal.test`)))) as [Session, Session, Session];
    // GB → NG in 2030 Q2: a fee schedule only, so the standard amounts need the USD → GBP reference rate.
    await addPrice(t.db, {
      corridor: 'GB-NG', currencies: 'GBP/NGN', interbankRate: '2000', provider: 'Rates Test MTO', rateOffered: '2000', observedOn: '2030-05-10',
      fee: { tiers: [{ upTo: '200', fixed: '4' }, { over: '200', percent: '1' }] },
    });
  });
  afterAll(() => t.close());

  it('an officer imports rates: stored, audited, and the corridor statistics price the standard amounts with them', async () => {
    expect(await stats()).toMatchObject({ standardAmounts: { usd200: null, usd500: null }, averageTotalCost: { usd200: null, usd500: null } });
    const csv = [HEADER, 'USD,GBP,2030-06-01,0.8,Test bank', 'usd,ngn,2030-06-01,1600.5,Test bank', 'GBP,NGN,2030-06-01,2000.1234567890123,Test bank'].join('\n');
    const response = await upload(csv, '?fileName=rates.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(ReferenceRateImportReport.parse(response.json())).toEqual({ rowsTotal: 3, rowsImported: 3, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0, errors: [] });
    // More than 12 decimals are rounded half-even to 12, what the column holds.
    expect(await storedRates()).toEqual([
      'GBP/NGN 2030-06-01 2000.123456789012 Test bank',
      'USD/GBP 2030-06-01 0.8 Test bank',
      'USD/NGN 2030-06-01 1600.5 Test bank',
    ]);
    const audit = (await sql<{ action: string; actorUserId: string | null; details: any }>`
      select action, actor_user_id, details from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
    expect(audit).toMatchObject({ action: 'remittance_reference_rates.imported', details: { fileName: 'rates.csv', rowsImported: 3, rowsTotal: 3 } });
    expect(audit.actorUserId).not.toBeNull();
    // USD 200 = GBP 160.00 (fee 4: 2.5 %), USD 500 = GBP 400.00 (1 %: 1 %); the rate offered is the interbank one.
    expect(await stats()).toMatchObject({ standardAmounts: { usd200: '160.00', usd500: '400.00' }, averageTotalCost: { usd200: 2.5, usd500: 1 } });
  });

  it('importing the same file again changes nothing; a new figure for a known pair and date replaces it', async () => {
    const csv = [HEADER, 'USD,GBP,2030-06-01,0.8,Test bank', 'usd,ngn,2030-06-01,1600.5,Test bank', 'GBP,NGN,2030-06-01,2000.1234567890123,Test bank'].join('\n');
    const before = await storedRates();
    expect(ReferenceRateImportReport.parse((await upload(csv)).json())).toMatchObject({ rowsImported: 0, rowsUpdated: 0, rowsUnchanged: 3 });
    expect(await storedRates()).toEqual(before);

    const changed = await upload(`${HEADER}\r\nUSD,GBP,2030-06-01,0.75,Test bank\r\nUSD,GBP,2030-06-02,0.76,Test bank\r\n`, '', admin);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ReferenceRateImportReport.parse(changed.json())).toMatchObject({ rowsTotal: 2, rowsImported: 1, rowsUpdated: 1, rowsUnchanged: 0 });
    expect(await storedRates()).toContain('USD/GBP 2030-06-01 0.75 Test bank');
    // The quarter's last day reads the latest rate on or before it: 0.76 → USD 200 = GBP 152.00.
    expect((await stats()).standardAmounts).toEqual({ usd200: '152.00', usd500: '380.00' });
  });

  it('refuses a file with bad rows whole, naming each row, column and why; validOnly stores the valid rows', async () => {
    const csv = [
      HEADER,
      'USD,GBP,2030-07-01,0.81,Test', // 2: valid
      'USD,XYZ,2030-07-01,1,Test', // 3
      'USD,EUR,2030-02-30,0.9,Test', // 4
      'USD,EUR,2030-07-01,0,Test', // 5
      'USD,EUR,2030-07-02,-0.9,Test', // 6
      'USD,EUR,07/01/2030,0.9,Test', // 7: ISO dates only
      'USD,USD,2030-07-01,1,Test', // 8
      'USD,EUR,2030-07-03,0.9,', // 9
      'USD,GBP,2030-07-01,0.82,Test', // 10: line 2 again with another rate
      'USD,GBP,2030-07-01,0.810,Test', // 11: line 2 repeated, read once
      'EUR,CHF,2030-07-01,1e3,Test', // 12
    ].join('\n');
    const before = await storedRates();
    const response = await upload(csv);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const problem = Problem.parse(response.json());
    expect(problem).toMatchObject({ code: 'remittance.import_rejected', params: { rowsTotal: 11, rowsRejected: 9 } });
    expect(problem.errors!.map((error) => [error.params?.row, error.params?.column, error.code])).toEqual([
      [3, 'quote currency', 'unknown_currency'],
      [4, 'date', 'date_invalid'],
      [5, 'rate', 'not_positive'],
      [6, 'rate', 'not_positive'],
      [7, 'date', 'date_invalid'],
      [8, 'quote currency', 'same_currency'],
      [9, 'source', 'missing'],
      [10, 'rate', 'duplicate'],
      [12, 'rate', 'not_a_number'],
    ]);
    expect(problem.errors![0]!.pointer).toBe('/rows/3/quote currency');
    expect(problem.errors!.find((error) => error.code === 'duplicate')!.params).toMatchObject({ firstRow: 2 });
    expect(await storedRates()).toEqual(before);

    const partial = await upload(csv, '?validOnly=true');
    expect(partial.statusCode, partial.body).toBe(200);
    expect(ReferenceRateImportReport.parse(partial.json())).toMatchObject({ rowsTotal: 11, rowsImported: 1, rowsUpdated: 0, rowsUnchanged: 1, rowsRejected: 9 });
    expect(await storedRates()).toEqual([...before, 'USD/GBP 2030-07-01 0.81 Test'].sort());
  });

  it.each([
    ['an empty file', '', 'remittance.import_empty'],
    ['a header without rows', `${HEADER}\n`, 'remittance.import_empty'],
    ['a file with the wrong columns', 'from,to,rate\nUSD,EUR,0.9\n', 'remittance.import_columns'],
    ['a file that is not CSV past its header', `${HEADER}\nUSD,"EUR,2030-08-01,0.9,Test\n`, 'remittance.import_rejected'],
  ])('refuses %s with a clear 400', async (_label, csv, code) => {
    const response = await upload(csv);
    expect(response.statusCode, response.body).toBe(400);
    expect(Problem.parse(response.json()).code).toBe(code);
  });

  it('names the missing columns', async () => {
    const problem = Problem.parse((await upload('base currency,quote currency,rate\nUSD,EUR,0.9\n')).json());
    expect(problem.errors!.map((error) => error.pointer)).toEqual(['/columns/date', '/columns/source']);
  });

  it('is for territory officers and administrators: a coach gets 403, anonymous 401, and nothing is written', async () => {
    const before = await storedRates();
    expect((await upload(`${HEADER}\nUSD,EUR,2030-09-01,0.9,Test\n`, '', coach)).statusCode).toBe(403);
    const anonymous = await t.inject({ method: 'POST', url: '/api/v1/remittances/reference-rates/imports', headers: { 'content-type': 'text/csv' }, payload: `${HEADER}\nUSD,EUR,2030-09-01,0.9,Test\n` });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedRates()).toEqual(before);
  });

  it('`npm run glocal -- import rates` applies the same rules and reports in text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glocal-rates-'));
    const file = (name: string, csv: string) => {
      fs.writeFileSync(path.join(dir, name), csv);
      return path.join(dir, name);
    };
    try {
      const good = file('good.csv', `${HEADER}\nUSD,XOF,2030-10-01,600.5,CLI test\nEUR,XOF,2030-10-01,655.957,CLI test\n`);
      expect(await importReferenceRateFile(t.db, createAuditTrail(), good, false)).toEqual({
        ok: true,
        message: '2 rows read: 2 rates stored, 0 replaced, 0 unchanged, 0 rows refused.',
      });
      expect(await importReferenceRateFile(t.db, createAuditTrail(), good, false)).toMatchObject({ ok: true, message: expect.stringContaining('0 rates stored, 0 replaced, 2 unchanged') });
      expect(await storedRates()).toEqual(expect.arrayContaining(['EUR/XOF 2030-10-01 655.957 CLI test', 'USD/XOF 2030-10-01 600.5 CLI test']));

      const bad = file('bad.csv', `${HEADER}\nUSD,XOF,2030-11-01,600,CLI test\nUSD,ABC,2030-11-01,1,CLI test\n`);
      const refused = await importReferenceRateFile(t.db, createAuditTrail(), bad, false);
      expect(refused).toEqual({
        ok: false,
        message: 'Nothing imported: 1 of 2 rows are invalid (use --valid-only to import the others).\n  line 3, quote currency: unknown_currency',
      });
      expect(await storedRates()).not.toContain('USD/XOF 2030-11-01 600 CLI test');
      expect(await importReferenceRateFile(t.db, createAuditTrail(), bad, true)).toMatchObject({ ok: true, message: expect.stringContaining('1 rates stored') });
      expect(await storedRates()).toContain('USD/XOF 2030-11-01 600 CLI test');

      const columns = await importReferenceRateFile(t.db, createAuditTrail(), file('columns.csv', 'currency,rate\nEUR,1\n'), false);
      expect(columns).toEqual({ ok: false, message: 'Nothing imported: remittance.import_columns (missing columns: base currency, quote currency, date, source).' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
