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
    const parsed = JSON.parse(await readText(source)) as unknown;
    input.json = { services: Array.isArray(parsed) ? parsed : ((parsed as { services?: Record<string, unknown>[]; contents?: Record<string, unknown>[] }).services ?? (parsed as { contents?: Record<string, unknown>[] }).contents ?? []) };
  }
  if (options.territoryCode) {
    const found = await db.selectFrom('territory').select('id').where('code', '=', options.territoryCode).executeTakeFirst();
    if (!found) {
      options.log.error(`Unknown territory code ${options.territoryCode}.`);
      return false;
    }
    input.territoryId = found.id;
  }
  try {
    const report = await transfer.importData(input, { actor: null, territoryScope: null });
    for (const problem of report.problems) options.log.error(`${problem.table} row ${problem.row}${problem.field ? ` field ${problem.field}` : ''}: ${problem.reason}`);
    options.log.log(`Imported: ${Object.entries(report.imported).map(([table, count]) => `${table} ${count}`).join(', ') || 'nothing'}. Rejected rows: ${report.rejected}.`);
    return report.rejected === 0;
  } catch (error) {
    if (!(error instanceof AppError) || !error.errors) throw error;
    for (const problem of error.errors) {
      const params = problem.params as { table: string; row: number; field: string | null };
      options.log.error(`${params.table} row ${params.row}${params.field ? ` field ${params.field}` : ''}: ${problem.code}`);
    }
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
