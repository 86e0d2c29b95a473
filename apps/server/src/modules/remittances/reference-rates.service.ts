import { createHash } from 'node:crypto';
import type { ReferenceRateImportReport } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor, AuditedActor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import { CsvSyntaxError, readCsv } from '../../platform/csv/read-csv.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError } from '../../platform/errors/app-error.js';
import { asProblemErrors, columnsError, REPORTED_ERRORS } from './price-imports.service.js';
import { missingRateColumns, parseRates } from './reference-rate-import.js';
import { remittancesRepository } from './remittances.repository.js';

export type RateImportOptions = { validOnly: boolean; fileName?: string | undefined };
type Request = { ip?: string; id?: string };
type Deps = { db: Database; audit: AuditTrail; access?: Access };

export type ReferenceRatesService = ReturnType<typeof createReferenceRatesService>;

/**
 * Reference (mid-market) exchange rates, the USD 200 and USD 500 standard amounts' conversion and
 * the savings' fallback rate: imported from our CSV format by the web and `npm run glocal -- import rates`.
 */
export function createReferenceRatesService({ db, audit, access }: Deps) {
  /** Checks every row, then stores all of them, or none unless `validOnly`, in one transaction; a rate known for that pair and date is replaced. */
  async function importRates(csv: string, options: RateImportOptions, actor: AuditedActor | null, request?: Request): Promise<ReferenceRateImportReport> {
    let records: string[][];
    try {
      records = readCsv(csv);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      throw new BadRequestError('remittance.import_rejected', { reason: 'csv_syntax' }, [
        { pointer: `/rows/${error.record}`, code: 'csv_syntax', params: { row: error.record, reason: error.message } },
      ]);
    }
    const [headers = [], ...rows] = records;
    const missing = headers.length ? missingRateColumns(headers) : [];
    if (missing.length > 0) throw columnsError(missing);
    if (rows.length === 0) throw new BadRequestError('remittance.import_empty');

    const { rates, errors } = parseRates(headers, rows);
    const rowsTotal = rows.length;
    const rowsRejected = new Set(errors.map((error) => error.row)).size;
    if (rowsRejected > 0 && !options.validOnly) {
      throw new BadRequestError('remittance.import_rejected', { rowsTotal, rowsRejected }, asProblemErrors(errors));
    }
    const sha256 = createHash('sha256').update(csv).digest('hex');
    return db.transaction().execute(async (trx) => {
      const { inserted, updated } = await remittancesRepository(trx).upsertReferenceRates(rates);
      const counts = { rowsTotal, rowsImported: inserted, rowsUpdated: updated, rowsUnchanged: rowsTotal - rowsRejected - inserted - updated, rowsRejected };
      await audit.record(trx, {
        actor,
        action: 'remittance_reference_rates.imported',
        details: { fileName: options.fileName ?? null, sha256, ...counts },
        ...(request ? { request } : {}),
      });
      return { ...counts, errors: errors.slice(0, REPORTED_ERRORS) };
    });
  }

  return {
    importRates,

    /** The web upload: whoever may import prices (territory officers, platform administrators). */
    async importAs(actor: Actor | null, csv: string, options: RateImportOptions, request: Request) {
      if (!access) throw new Error('the web import needs the access policy');
      const importer = await access.require(actor, 'remittances:import', undefined, { request });
      return importRates(csv, options, importer, request);
    },
  };
}
