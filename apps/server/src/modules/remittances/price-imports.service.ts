import { createHash } from 'node:crypto';
import type { ImportRowError, ProblemFieldError, RemittanceImportReport } from '@glocal/contracts';
import { setImmediate } from 'node:timers/promises';
import type { Access } from '../../platform/access/access.js';
import type { Actor, AuditedActor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import { CsvSyntaxError, csvSlices, readCsvHeader } from '../../platform/csv/read-csv.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError } from '../../platform/errors/app-error.js';
import {
  missingColumns,
  normaliseHeader,
  parseRpwRow,
  parseSurvey,
  RPW_REQUIRED,
  SURVEY_REQUIRED,
  type CsvRecord,
  type ParsedObservation,
} from './price-import.js';
import { remittancesRepository, type PriceFields, type PriorPeriods } from './remittances.repository.js';

export type ImportOptions = { format: 'rpw' | 'survey'; validOnly: boolean; fileName?: string };
type Request = { ip?: string; id?: string };
type Deps = {
  db: Database;
  audit: AuditTrail;
  access?: Access;
  /** Told, after the import committed, which corridors got new prices (alerts). */
  onPricesChanged?: (corridors: string[]) => Promise<void>;
};

/** How many refused rows a report lists; the counts always cover them all. */
export const REPORTED_ERRORS = 1_000;

export const asProblemErrors = (errors: ImportRowError[]): ProblemFieldError[] =>
  errors.slice(0, REPORTED_ERRORS).map((error) => ({
    pointer: `/rows/${error.row}${error.column ? `/${error.column.replace(/~/g, '~0').replace(/\//g, '~1')}` : ''}`,
    code: error.code,
    params: { row: error.row, ...(error.column ? { column: error.column } : {}), ...error.params },
  }));

/**
 * Observations handed to the database at a time (each in index order: see `insertPrices`; larger
 * batches cost Node more in garbage collection than they save the database), and how many such
 * batches may wait on it.
 */
const BATCH = 10_000;
const IN_FLIGHT = 2;
/**
 * Characters of the file parsed at a time (a slice ends at the first record end after it). Small,
 * so the event loop comes back often: each batch's COPY waits on it twice (sending the statement,
 * then the rows once PostgreSQL is ready for them), and the database idles meanwhile.
 */
const SLICE = 1 << 15;

/**
 * The file's data records, read by their normalised `headers` (one column index for the whole
 * file), a slice at a time (the caller writes one slice's rows while the next is parsed), with the
 * file row of each slice's first record. Short rows read their missing cells as blank; a syntax
 * error is a 400 naming its row.
 */
function* recordSlices(csv: string, headers: string[]): Generator<{ records: CsvRecord[]; firstRow: number }> {
  const columns = new Map(headers.map((header, index) => [header, index]));
  try {
    for (const { records, firstRecord } of csvSlices(csv, SLICE)) {
      yield { firstRow: firstRecord, records: records.map((cells) => ({ cells, columns })) };
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new BadRequestError('remittance.import_rejected', { reason: 'csv_syntax' }, [
      { pointer: `/rows/${error.record}`, code: 'csv_syntax', params: { row: error.record, reason: error.message } },
    ]);
  }
}

export type PriceImportsService = ReturnType<typeof createPriceImportsService>;

/** RPW dataset and desk-survey imports, shared by the web upload and `npm run glocal -- import rpw`. */
export function createPriceImportsService({ db, audit, access, onPricesChanged }: Deps) {
  /**
   * Checks every row; stores all of them, or none unless `validOnly`, in one transaction. RPW files
   * are read a slice at a time, the next batch checked while the last ones are being written
   * (PostgreSQL works in its own process meanwhile); a refused row found on the way stops the
   * writing, and the transaction is rolled back at the end, so nothing is half-imported.
   */
  async function importPrices(csv: string, options: ImportOptions, actor: AuditedActor | null, request?: Request): Promise<RemittanceImportReport> {
    const headers = readCsvHeader(csv).map(normaliseHeader);
    const missing = headers.length ? missingColumns(headers, options.format === 'rpw' ? RPW_REQUIRED : SURVEY_REQUIRED) : [];
    if (missing.length > 0) throw columnsError(missing);
    const sha256 = createHash('sha256').update(csv).digest('hex');
    const source = options.format === 'rpw' ? 'import' : 'desk_survey';
    const corridors = new Set<string>();
    const errors: ImportRowError[] = [];
    let rowsTotal = 0;

    const report = await db.transaction().execute(async (trx) => {
      const repository = remittancesRepository(trx);
      const importRow = await trx
        .insertInto('remittanceImport')
        .values({ format: options.format, fileName: options.fileName ?? null, fileSha256: sha256, rowsTotal: 0, rowsImported: 0, rowsUnchanged: 0, rowsRejected: 0, createdBy: actor?.userId ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Promises, so that batches in flight together ask for a new provider or product once.
      const providers = new Map<string, Promise<string>>();
      const products = new Map<string, Promise<string>>();
      /** A product's id, by its provider's and its own name in any case: found or created once per import. */
      const productId = (o: ParsedObservation) => {
        let id = products.get(o.productKey);
        if (!id) {
          const providerKey = o.provider.name.toLowerCase();
          if (!providers.has(providerKey)) providers.set(providerKey, repository.ensureProvider(o.provider));
          products.set(o.productKey, (id = providers.get(providerKey)!.then((providerId) => repository.ensureProduct({ providerId, ...o.product }))));
        }
        return id;
      };
      /** Natural keys met so far in the file: the batches in flight never share one, and a repeated row is stored once. */
      const seen = new Set<string>();
      /** Whether each corridor-period met held prices before this import (only those keys are looked up). */
      const priorPeriods: PriorPeriods = new Map();
      const writes: Promise<number>[] = [];
      let stored = 0;
      let observed = 0;

      async function store(batch: ParsedObservation[]) {
        // The batch's products awaited once each, then its rows built without waiting.
        const ids = new Map<string, string>();
        for (const o of batch) if (!ids.has(o.productKey)) ids.set(o.productKey, await productId(o));
        const rows = batch.map((o): PriceFields => {
          corridors.add(`${o.sendingCountry}-${o.receivingCountry}`);
          return {
            productId: ids.get(o.productKey)!, sendingCountry: o.sendingCountry, receivingCountry: o.receivingCountry,
            sendingCurrency: o.sendingCurrency, receivingCurrency: o.receivingCurrency, amount: o.amount, standardAmount: o.standardAmount,
            feeSchedule: o.feeSchedule, rateOffered: o.rateOffered, interbankRate: o.interbankRate, observedOn: o.observedOn, period: o.period,
            naturalKey: o.naturalKey, source, importId: importRow.id, reportedBy: actor?.userId ?? null,
          };
        });
        return repository.insertPrices(rows, { seen, priorPeriods });
      }
      /**
       * Hands a checked batch to the database without waiting for it, up to IN_FLIGHT batches at a
       * time (their statements queue on the transaction's connection); no writing once a row was
       * refused (it would be rolled back).
       */
      async function flush(batch: ParsedObservation[]) {
        observed += batch.length;
        if (errors.length > 0 && !options.validOnly) return;
        const write = store(batch);
        write.catch(() => {}); // awaited, and so thrown, below or at the end
        writes.push(write);
        if (writes.length > IN_FLIGHT) stored += await writes.shift()!;
      }

      if (options.format === 'rpw') {
        let batch: ParsedObservation[] = [];
        for (const { records, firstRow } of recordSlices(csv, headers)) {
          records.forEach((record, index) => parseRpwRow(record, firstRow + index, batch, errors));
          rowsTotal += records.length;
          if (batch.length >= BATCH) {
            await flush(batch);
            batch = [];
          }
          // Lets the database's answers in between slices, so each batch is copied as soon as its keys are checked.
          await setImmediate();
        }
        await flush(batch);
      } else {
        const parsed = parseSurvey([...recordSlices(csv, headers)].flatMap((slice) => slice.records));
        rowsTotal = parsed.rows;
        errors.push(...parsed.errors);
        await flush(parsed.observations);
      }
      for (const write of writes.splice(0)) stored += await write;

      if (rowsTotal === 0) throw new BadRequestError('remittance.import_empty');
      const rowsRejected = new Set(errors.map((error) => error.row)).size;
      // Throwing rolls back whatever was written: all or nothing.
      if (rowsRejected > 0 && !options.validOnly) {
        throw new BadRequestError('remittance.import_rejected', { rowsTotal, rowsRejected }, asProblemErrors(errors));
      }
      const counts = { rowsTotal, rowsImported: stored, rowsUnchanged: observed - stored, rowsRejected };
      await trx.updateTable('remittanceImport').set(counts).where('id', '=', importRow.id).execute();
      await audit.record(trx, {
        actor,
        action: 'remittance_prices.imported',
        subject: { type: 'remittance_import', id: importRow.id },
        details: { format: options.format, fileName: options.fileName ?? null, sha256, ...counts },
        ...(request ? { request } : {}),
      });
      return { importId: importRow.id, format: options.format, ...counts, errors: errors.slice(0, REPORTED_ERRORS) };
    });
    if (report.rowsImported > 0 && onPricesChanged) await onPricesChanged([...corridors]);
    return report;
  }

  return {
    importPrices,

    /** The web upload: territory officers (and platform administrators). */
    async importAs(actor: Actor | null, csv: string, options: ImportOptions, request: Request) {
      if (!access) throw new Error('the web import needs the access policy');
      const importer = await access.require(actor, 'remittances:import', undefined, { request });
      return importPrices(csv, options, importer, request);
    },
  };
}

export function columnsError(missing: string[]) {
  return new BadRequestError(
    'remittance.import_columns',
    { missing: missing.join(', ') },
    missing.map((column) => ({ pointer: `/columns/${column}`, code: 'missing_column', params: { column } })),
  );
}
