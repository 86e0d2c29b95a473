import fs from 'node:fs/promises';
import path from 'node:path';
import type { HsdsImportBody } from '@glocal/contracts';
import { createAccess } from '../../../platform/access/access.js';
import { createAuditTrail } from '../../../platform/audit/audit-trail.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { createHsdsTransferService } from './hsds-transfer.service.js';

type Log = Pick<Console, 'log' | 'error'>;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8; invalid bytes become U+FFFD, which the validator reports as `invalid_encoding`. */
async function readText(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  try {
    return decoder.decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The services of an HSDS JSON file (a list, `{ services }` or an API page's `contents`), or why it is not one. */
export function servicesOfJson(text: string): unknown[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `malformed_json: ${(error as Error).message}`;
  }
  const services = Array.isArray(parsed) ? parsed : typeof parsed === 'object' && parsed !== null ? ((parsed as { services?: unknown }).services ?? (parsed as { contents?: unknown }).contents) : undefined;
  return Array.isArray(services) ? services : 'malformed_json: no list of services';
}

/** `glocal import hsds <dir|file.json>`: prints table, row, field and reason for every problem; false when nothing or not all was imported. */
export async function importHsdsDirectory(db: Database, source: string, options: { validOnly: boolean; territoryCode?: string | undefined; log: Log }): Promise<boolean> {
  const audit = createAuditTrail();
  const transfer = createHsdsTransferService({ db, access: createAccess({ db, audit }), audit });
  const stat = await fs.stat(source);
  const input: HsdsImportBody = { mode: options.validOnly ? 'valid_rows' : 'all_or_nothing' };
  if (stat.isDirectory()) {
    const names = (await fs.readdir(source)).filter((name) => name.endsWith('.csv'));
    input.files = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readText(path.join(source, name))] as const)));
  } else {
    const services = servicesOfJson(await readText(source));
    if (typeof services === 'string') {
      options.log.error(`${path.basename(source)} row 0: ${services}`);
      options.log.error('Nothing imported: the file is not HSDS JSON (a list of services, an object with "services", or an HSDS page with "contents").');
      return false;
    }
    // Each item is checked as it is flattened: one that is not an object is a problem of its row.
    input.json = { services: services as Record<string, unknown>[] };
  }
  if (options.territoryCode) {
    const found = await db.selectFrom('territory').select('id').where('code', '=', options.territoryCode).executeTakeFirst();
    if (!found) {
      options.log.error(`Unknown territory code ${options.territoryCode}.`);
      return false;
    }
    input.territoryId = found.id;
  }
  const encodingHint = (reasons: string[]) => {
    if (reasons.includes('invalid_encoding')) options.log.error('Files must be UTF-8: save them as UTF-8 (not Latin-1 or Windows-1252) and import again.');
  };
  try {
    const report = await transfer.importData(input, { actor: null, territoryScope: null });
    encodingHint(report.problems.map((problem) => problem.reason));
    for (const problem of report.problems) options.log.error(`${problem.table} row ${problem.row}${problem.field ? ` field ${problem.field}` : ''}: ${problem.reason}`);
    options.log.log(`Imported: ${Object.entries(report.imported).map(([table, count]) => `${table} ${count}`).join(', ') || 'nothing'}. Rejected rows: ${report.rejected}.`);
    return report.rejected === 0;
  } catch (error) {
    if (!(error instanceof AppError) || !error.errors) throw error;
    for (const problem of error.errors) {
      const params = problem.params as { table: string; row: number; field: string | null };
      options.log.error(`${params.table} row ${params.row}${params.field ? ` field ${params.field}` : ''}: ${problem.code}`);
    }
    encodingHint(error.errors.map((problem) => problem.code));
    options.log.error(`Nothing imported: ${String(error.params.problems)} problems (use --valid-only to import the valid rows).`);
    return false;
  }
}

/** `glocal export hsds <dir>`: one CSV per table plus datapackage.json. */
export async function exportHsdsDirectory(db: Database, dir: string, options: { log: Log }): Promise<void> {
  const audit = createAuditTrail();
  const files = await createHsdsTransferService({ db, access: createAccess({ db, audit }), audit }).exportData();
  await fs.mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  options.log.log(`Exported ${Object.keys(files).length} files to ${dir}.`);
}
