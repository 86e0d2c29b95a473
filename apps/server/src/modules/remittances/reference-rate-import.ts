import type { ImportRowError } from '@glocal/contracts';
import { Decimal } from 'decimal.js';
import { currencyDigits } from '../reference/index.js';
import { normaliseHeader } from './price-import.js';

/**
 * Reference (mid-market) exchange rates from our CSV format (docs/remittances.md): one rate a row,
 * units of `quote currency` per unit of `base currency` on `date`. Every row is checked; a refused
 * row is reported with its line (the header is line 1), its column and a code.
 */

/** The columns, as `normaliseHeader` writes them (case, `_` and spaces alike). */
export const RATE_COLUMNS = ['base currency', 'quote currency', 'date', 'rate', 'source'] as const;

/** What `remittance_reference_rate.rate` holds: numeric(30, 12). */
const RATE_INTEGER_DIGITS = 18;
export const RATE_DECIMALS = 12;
const SOURCE_MAX = 200;

export type ParsedRate = { row: number; baseCurrency: string; quoteCurrency: string; rateDate: string; rate: string; source: string };

class RowError extends Error {
  constructor(readonly column: string, readonly code: string, readonly params?: Record<string, string | number>) {
    super(code);
  }
}

const cell = (cells: readonly string[], columns: ReadonlyMap<string, number>, column: string) => (cells[columns.get(column) ?? -1] ?? '').trim();

function required(value: string, column: string, max = SOURCE_MAX) {
  if (!value) throw new RowError(column, 'missing');
  if (value.length > max) throw new RowError(column, 'too_long', { maximum: max });
  return value;
}

function currency(value: string, column: string) {
  const code = required(value, column).toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || currencyDigits(code) === undefined) throw new RowError(column, 'unknown_currency', { value });
  return code;
}

/** `2026-09-30`, a real calendar day. */
function isoDate(value: string, column: string) {
  required(value, column);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new RowError(column, 'date_invalid', { value });
  return value;
}

/** A positive plain decimal (`655.957`, `0.92`); more than 12 decimals are rounded half-even to 12. */
function rate(value: string, column: string) {
  required(value, column);
  if (/^-\d+(\.\d+)?$/.test(value)) throw new RowError(column, 'not_positive', { value });
  if (!/^\d+(\.\d+)?$/.test(value)) throw new RowError(column, 'not_a_number', { value });
  const rounded = new Decimal(value).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_EVEN);
  if (rounded.isZero()) throw new RowError(column, 'not_positive', { value });
  if (rounded.trunc().toFixed().length > RATE_INTEGER_DIGITS) throw new RowError(column, 'too_long', { maximum: RATE_INTEGER_DIGITS });
  return rounded.toFixed();
}

export function missingRateColumns(headers: string[]): string[] {
  const present = new Set(headers.map(normaliseHeader));
  return RATE_COLUMNS.filter((column) => !present.has(column));
}

/**
 * The file's rows (after the header, `firstRow` being the first's line) as rates, and the errors
 * of those refused. A base, quote and date given twice is one rate: the same figures repeated are
 * read once, different ones refuse the later row (`duplicate`, naming the first).
 */
export function parseRates(headers: string[], records: readonly (readonly string[])[], firstRow = 2): { rates: ParsedRate[]; errors: ImportRowError[] } {
  const columns = new Map(headers.map((header, index) => [normaliseHeader(header), index]));
  const rates: ParsedRate[] = [];
  const errors: ImportRowError[] = [];
  const byKey = new Map<string, ParsedRate>();
  records.forEach((cells, index) => {
    const row = firstRow + index;
    const rowErrors: ImportRowError[] = [];
    const read = <T>(column: string, parse: (value: string, column: string) => T): T | undefined => {
      try {
        return parse(cell(cells, columns, column), column);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        rowErrors.push({ row, column: error.column, code: error.code, ...(error.params ? { params: error.params } : {}) });
        return undefined;
      }
    };
    const baseCurrency = read('base currency', currency);
    const quoteCurrency = read('quote currency', currency);
    const rateDate = read('date', isoDate);
    const value = read('rate', rate);
    const source = read('source', (text, column) => required(text, column));
    if (baseCurrency && quoteCurrency && baseCurrency === quoteCurrency) {
      rowErrors.push({ row, column: 'quote currency', code: 'same_currency', params: { value: quoteCurrency } });
    }
    if (rowErrors.length > 0 || !baseCurrency || !quoteCurrency || !rateDate || !value || !source) {
      errors.push(...rowErrors);
      return;
    }
    const parsed = { row, baseCurrency, quoteCurrency, rateDate, rate: value, source };
    const key = `${baseCurrency} ${quoteCurrency} ${rateDate}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, parsed);
      rates.push(parsed);
    } else if (!new Decimal(first.rate).eq(value) || first.source !== source) {
      errors.push({ row, column: 'rate', code: 'duplicate', params: { firstRow: first.row } });
    }
  });
  return { rates, errors };
}
