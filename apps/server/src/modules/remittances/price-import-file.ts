import fs from 'node:fs';
import path from 'node:path';
import type { ProblemFieldError } from '@glocal/contracts';
import { pino } from 'pino';
import type { Config } from '../../config.js';
import { createAuditTrail, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { createCorridorAlerts } from './corridor-alerts.js';
import { createPriceImportsService } from './price-imports.service.js';
import { createReferenceRatesService } from './reference-rates.service.js';
import { createRemittancesService } from './remittances.service.js';

const SHOWN = 50;
const describe = (errors: { row: unknown; column?: unknown; code: string }[]) =>
  errors.slice(0, SHOWN).map((error) => `  line ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.code}`).join('\n') +
  (errors.length > SHOWN ? `\n  … and ${errors.length - SHOWN} more` : '');

/**
 * `npm run glocal -- import rpw|survey <file> [--valid-only]`: the web import's rules, as text for a
 * terminal. Like the web import, once the prices are committed it writes to the followers of each
 * corridor whose cheapest option changed (through `SMTP_URL`; an alert that fails is logged, the import stands).
 */
export async function importPriceFile(db: Database, config: Config, format: 'rpw' | 'survey', file: string, validOnly: boolean) {
  const csv = fs.readFileSync(file, 'utf8');
  const log = pino({ level: config.logLevel });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const alerts = createCorridorAlerts({ db, remittances: createRemittancesService({ db }), mailer, publicUrl: config.publicUrl });
  const onPricesChanged = (corridors: string[]) =>
    alerts.pricesChanged(corridors).catch((error: unknown) => log.error({ err: error, corridors }, 'remittance alerts failed'));
  try {
    const report = await createPriceImportsService({ db, audit: createAuditTrail(), onPricesChanged }).importPrices(
      csv, { format, validOnly, fileName: path.basename(file) }, null,
    );
    const lines = [
      `${report.rowsTotal} rows read: ${report.rowsImported} observations stored, ${report.rowsUnchanged} already there, ${report.rowsRejected} rows refused.`,
    ];
    if (report.errors.length) lines.push(describe(report.errors));
    return { ok: true, message: lines.join('\n') };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, message: refusal(error) };
  } finally {
    await mailer.close();
  }
}

/** What refused a whole file, as a terminal shows it. */
function refusal(error: AppError) {
  const rows = (error.errors ?? []).map((e: ProblemFieldError) => ({ row: e.params?.row ?? e.pointer, column: e.params?.column, code: e.code }));
  const head =
    error.code === 'remittance.import_rejected' && error.params.rowsTotal !== undefined
      ? `Nothing imported: ${error.params.rowsRejected ?? 'some'} of ${error.params.rowsTotal} rows are invalid (use --valid-only to import the others).`
      : `Nothing imported: ${error.code}${error.params.missing ? ` (missing columns: ${error.params.missing})` : ''}.`;
  return rows.length && error.code === 'remittance.import_rejected' ? `${head}\n${describe(rows)}` : head;
}

/** `npm run glocal -- import rates <file> [--valid-only]`: reference exchange rates (docs/remittances.md), the web import's rules. */
export async function importReferenceRateFile(db: Database, audit: AuditTrail, file: string, validOnly: boolean) {
  const csv = fs.readFileSync(file, 'utf8');
  try {
    const report = await createReferenceRatesService({ db, audit }).importRates(csv, { validOnly, fileName: path.basename(file) }, null);
    const lines = [
      `${report.rowsTotal} rows read: ${report.rowsImported} rates stored, ${report.rowsUpdated} replaced, ${report.rowsUnchanged} unchanged, ${report.rowsRejected} rows refused.`,
    ];
    if (report.errors.length) lines.push(describe(report.errors));
    return { ok: true, message: lines.join('\n') };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, message: refusal(error) };
  }
}
