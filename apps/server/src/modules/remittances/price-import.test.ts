import fs from 'node:fs';
import path from 'node:path';
import type { ImportRowError } from '@glocal/contracts';
import { describe, expect, it } from 'vitest';
import { normaliseHeader, parsePeriod, parseRpwRow, type CsvRecord, type ParsedObservation } from './price-import.js';

const [headerLine, sampleLine] = fs.readFileSync(path.join(import.meta.dirname, 'testing', 'rpw-sample.csv'), 'utf8').split('\n');
const headers = headerLine!.split(',').map(normaliseHeader);
const columns = new Map(headers.map((header, index) => [header, index]));

/** The RPW sample's first row with another period, and no date (so the quarter gives the observation date). */
function rowWithPeriod(period: string): CsvRecord {
  const cells = sampleLine!.split(',');
  cells[columns.get('period')!] = period;
  cells[columns.get('date')!] = '';
  return { cells, columns };
}

describe('RPW periods', () => {
  it.each([
    ['2011_1Q', '2011-Q1'], // RPW's own spelling
    ['2011-1Q', '2011-Q1'],
    ['2011 1Q', '2011-Q1'],
    ['20111Q', '2011-Q1'],
    ['2011-Q1', '2011-Q1'], // ours
    ['2011_Q2', '2011-Q2'],
    ['2011 Q3', '2011-Q3'],
    ['2011Q4', '2011-Q4'],
    ['Q1 2011', '2011-Q1'],
    ['Q2-2012', '2012-Q2'],
    ['Q3_2013', '2013-Q3'],
    ['Q42014', '2014-Q4'],
    ['2011_1q', '2011-Q1'], // any case
    ['q2 2011', '2011-Q2'],
    ['  2011_3Q  ', '2011-Q3'], // spaces around
  ])('reads %j as %s', (raw, period) => {
    expect(parsePeriod(raw)).toBe(period);
  });

  it.each(['2011_5Q', '2011-Q0', '11_1Q', '2011', 'Q1', '2011_1Q_2', '2011/1Q', '2011--Q1', 'Q1 2011 Q2', 'first quarter 2011', ''])(
    'refuses %j',
    (raw) => {
      expect(parsePeriod(raw)).toBeNull();
    },
  );

  it.each([
    ['2011-Q2', '2011-Q2', '2011-04-01'],
    ['Q3 2011', '2011-Q3', '2011-07-01'],
    ['2011 4Q', '2011-Q4', '2011-10-01'],
  ])('an RPW row of period %j is stored in %s, observed on its first day when the date is blank', (raw, period, observedOn) => {
    const observations: ParsedObservation[] = [];
    const errors: ImportRowError[] = [];
    parseRpwRow(rowWithPeriod(raw), 2, observations, errors);
    expect(errors).toEqual([]);
    expect(observations.map((o) => [o.period, o.observedOn, o.standardAmount])).toEqual([
      [period, observedOn, 'usd200'],
      [period, observedOn, 'usd500'],
    ]);
  });

  it('reports a period it cannot read with its row, column and value', () => {
    const observations: ParsedObservation[] = [];
    const errors: ImportRowError[] = [];
    parseRpwRow(rowWithPeriod('2011 first quarter'), 7, observations, errors);
    expect(observations).toEqual([]);
    expect(errors).toEqual([{ row: 7, column: 'period', code: 'period_invalid', params: { value: '2011 first quarter' } }]);
  });
});
