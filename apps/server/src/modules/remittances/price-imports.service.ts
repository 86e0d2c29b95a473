import { createHash } from 'node:crypto';
import type { ImportRowError, ProblemFieldError, RemittanceImportReport } from '@glocal/contracts';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import type { Access } from '../../platform/access/access.js';
import type { Actor, AuditedActor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError } from '../../platform/errors/app-error.js';
import {
  missingColumns,
  normaliseHeader,
  parseRpwRow,
  parseSurvey,
  RPW_REQUIRED,
  SURVEY_REQUIRED,
  type ParsedObservation,
} from './price-import.js';
import { remittancesRepository, type PriceFields } from './remittances.repository.js';

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
const REPORTED_ERRORS = 1_000;

const asProblemErrors = (errors: ImportRowError[]): ProblemFieldError[] =>
  errors.slice(0, REPORTED_ERRORS).map((error) => ({
    pointer: `/rows/${error.row}${error.column ? `/${error.column.replace(/~/g, '~0').replace(/\//g, '~1')}` : ''}`,
    code: error.code,
    params: { row: error.row, ...(error.column ? { column: error.column } : {}), ...error.params },
  }));

const PARSE_OPTIONS = {
  columns: (headers: string[]) => headers.map(normaliseHeader),
  skip_empty_lines: true,
  trim: true,
  bom: true,
  // Real exports drop trailing empty cells: a short row reads them as blank, then fails on what it lacks.
  relax_column_count: true,
};
/** Observations handed to the database at a time. */
const BATCH = 10_000;
const SLICE = 1 << 20;

/** The header row's column names, normalised; none for an empty file. */
function headerOf(csv: string): string[] {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.trim()) return [];
  try {
    return (parse(firstLine, { relax_quotes: true }) as string[][])[0]?.map(normaliseHeader) ?? [];
  } catch {
    return firstLine.split(',').map(normaliseHeader);
  }
}

/** The file's records, parsed a slice at a time as they are consumed; a syntax error names its line. */
async function* recordStream(csv: string): AsyncGenerator<Record<string, string>> {
  const parser = Readable.from((function* () {
    for (let start = 0; start < csv.length; start += SLICE) yield csv.slice(start, start + SLICE);
  })()).pipe(parseStream(PARSE_OPTIONS));
  try {
    for await (const record of parser) yield record as Record<string, string>;
  } catch (error) {
    throw syntaxError(error);
  }
}

function syntaxError(error: unknown) {
  const line = (error as { lines?: number }).lines ?? 0;
  return new BadRequestError('remittance.import_rejected', { reason: 'csv_syntax' }, [
    { pointer: `/rows/${line}`, code: 'csv_syntax', params: { row: line, reason: (error as Error).message } },
  ]);
}

function readRecords(csv: string): Record<string, string>[] {
  try {
    return parse(csv, PARSE_OPTIONS);
  } catch (error) {
    throw syntaxError(error);
  }
}

export type PriceImportsService = ReturnType<typeof createPriceImportsService>;

/** RPW dataset and desk-survey imports, shared by the web upload and `npm run glocal -- import rpw`. */
export function createPriceImportsService({ db, audit, access, onPricesChanged }: Deps) {
  /**
   * Checks every row; stores all of them, or none unless `validOnly`, in one transaction. RPW files
   * are read as a stream, a batch at a time, the next batch checked while the last one is being
   * written (PostgreSQL works in its own process meanwhile); a refused row found on the way stops
   * the writing, and the transaction is rolled back at the end, so nothing is half-imported.
   */
  async function importPrices(csv: string, options: ImportOptions, actor: AuditedActor | null, request?: Request): Promise<RemittanceImportReport> {
    const headers = headerOf(csv);
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
      const providers = new Map<string, string>();
      const products = new Map<string, string>();
      let stored = 0;
      let observed = 0;
      let writing: Promise<void> = Promise.resolve();

      async function store(batch: ParsedObservation[]) {
        const rows: PriceFields[] = [];
        for (const observation of batch) {
          const providerKey = observation.provider.name.toLowerCase();
          let providerId = providers.get(providerKey);
          if (!providerId) providers.set(providerKey, (providerId = await repository.ensureProvider(observation.provider)));
          const productKey = `${providerId}|${observation.product.name.toLowerCase()}`;
          let productId = products.get(productKey);
          if (!productId) products.set(productKey, (productId = await repository.ensureProduct({ providerId, ...observation.product })));
          const { row: _row, provider: _provider, product: _product, ...price } = observation;
          rows.push({ ...price, productId, source, importId: importRow.id, reportedBy: actor?.userId ?? null });
          corridors.add(`${observation.sendingCountry}-${observation.receivingCountry}`);
        }
        stored += await repository.insertPrices(rows);
      }
      /** Hands a checked batch to the database, after the previous one is written; no writing once a row was refused (it would be rolled back). */
      async function flush(batch: ParsedObservation[]) {
        observed += batch.length;
        await writing;
        if (errors.length > 0 && !options.validOnly) return;
        writing = store(batch);
        writing.catch(() => {}); // awaited, and so thrown, at the next flush
      }

      if (options.format === 'rpw') {
        let batch: ParsedObservation[] = [];
        for await (const record of recordStream(csv)) {
          parseRpwRow(record, ++rowsTotal + 1, batch, errors);
          if (batch.length >= BATCH) {
            await flush(batch);
            batch = [];
          }
        }
        await flush(batch);
      } else {
        const parsed = parseSurvey(readRecords(csv));
        rowsTotal = parsed.rows;
        errors.push(...parsed.errors);
        await flush(parsed.observations);
      }
      await writing;

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

function columnsError(missing: string[]) {
  return new BadRequestError(
    'remittance.import_columns',
    { missing: missing.join(', ') },
    missing.map((column) => ({ pointer: `/columns/${column}`, code: 'missing_column', params: { column } })),
  );
}
