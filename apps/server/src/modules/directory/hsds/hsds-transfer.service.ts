import { isKnownIsicCode, type HsdsImportBody, type HsdsImportMode, type HsdsImportProblem, type HsdsImportReport } from '@glocal/contracts';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Access } from '../../../platform/access/access.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AuditTrail } from '../../../platform/audit/audit-trail.js';
import { copyRows, type CopyValue } from '../../../platform/db/copy-rows.js';
import type { Database, Executor } from '../../../platform/db/database.js';
import { AppError, BadRequestError } from '../../../platform/errors/app-error.js';
import { refreshSearchInBulk } from '../directory.repository.js';
import { selectRows } from './hsds-rows.js';
import { CORE_ORDER, GLOCAL_DATAPACKAGE, PROFILE_RESOURCES, TRANSLATABLE, coreTable, dbColumn, resource, tableOf } from './hsds-schema.js';
import { flattenJson, parseCsvFiles, rowCount, validateTables, type Tables } from './hsds-validate.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };
export type HsdsTransferService = ReturnType<typeof createHsdsTransferService>;

const BATCH = 5_000;
const MAX_PROBLEMS_SENT = 500;

/** Columns written for new rows only, with the values of each (a service's profile, when it is new). */
type FreshColumns = { columns: string[]; values: (row: Record<string, unknown>) => CopyValue[] };

/**
 * Upserts rows by key (its first column a uuid); a row equal to the stored one is left untouched, so
 * re-importing changes nothing. Rows whose key is new, all of them in an empty directory, are
 * written with COPY, several times cheaper for the database than the same rows as JSON, with
 * `fresh`'s columns besides. Answers the keys of the rows it copied (the new ones).
 */
async function upsert(db: Executor, table: string, key: string[], columns: string[], rows: Record<string, unknown>[], fresh?: FreshColumns) {
  const update = columns.filter((column) => !key.includes(column));
  const target = sql.table(table);
  const list = sql.join(columns.map((column) => sql.id(column)));
  const keyOf = (row: Record<string, unknown>) => key.map((column) => row[column]).join(' ');
  const copied = new Set<string>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const { rows: found } = await sql<{ key: string }>`
      select concat_ws(' ', ${sql.join(key.map((column) => sql`${sql.ref(column)}::text`))}) as key from ${target}
      where ${sql.ref(key[0]!)} = any(${[...new Set(batch.map((row) => row[key[0]!] as string))]}::uuid[])`.execute(db);
    const existing = new Set(found.map((row) => row.key));
    const added = existing.size === 0 ? batch : batch.filter((row) => !existing.has(keyOf(row)));
    const values = (row: Record<string, unknown>) => [...columns.map((column) => row[column] as CopyValue), ...(fresh?.values(row) ?? [])];
    await copyRows(db, table, [...columns, ...(fresh?.columns ?? [])], added.map(values));
    for (const row of added) copied.add(keyOf(row));
    if (added.length === batch.length) continue;
    await sql`
      insert into ${target} (${list})
      select ${list} from json_populate_recordset(null::${target}, ${JSON.stringify(batch.filter((row) => existing.has(keyOf(row))))}::json)
      on conflict (${sql.join(key.map((column) => sql.id(column)))}) do ${
        update.length === 0
          ? sql`nothing`
          : sql`update set ${sql.join(update.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`))}
              where (${sql.join(update.map((column) => sql`${target}.${sql.id(column)}`))}) is distinct from (${sql.join(update.map((column) => sql`excluded.${sql.id(column)}`))})`
      }`.execute(db);
  }
  return copied;
}

type ServiceProfile = {
  territory_id: string | null; source_locale: string; last_verified: string | null; diaspora_eligible: string | null; returnee_eligible: string | null;
  loan_min: string | null; loan_max: string | null; loan_currency: string | null; collateral_required: string | null;
  interest_min: string | null; interest_max: string | null; target_groups: string[]; staff_languages: string[];
};
/** A service without a profile row: the columns' defaults. */
const DEFAULT_PROFILE: ServiceProfile = {
  territory_id: null, source_locale: 'en', last_verified: null, diaspora_eligible: null, returnee_eligible: null, loan_min: null, loan_max: null,
  loan_currency: null, collateral_required: null, interest_min: null, interest_max: null, target_groups: [], staff_languages: [],
};

const PROFILE_COLUMNS = Object.keys(DEFAULT_PROFILE) as (keyof ServiceProfile)[];
/** The columns of `directory_opportunity` an import writes (its territory by id, from the file's code). */
const OPPORTUNITY_COLUMNS = ['id', 'territory_id', 'kind', 'isic_code', 'title', 'description', 'contact_name', 'contact_email', 'contact_phone', 'organization_id', 'source_locale'];

const dbRow = (row: Record<string, string>) => Object.fromEntries(Object.entries(row).map(([field, value]) => [dbColumn(field), value]));
const words = (value: string | undefined) => (value ? value.split(' ').filter(Boolean) : []);

export function createHsdsTransferService({ db, access, audit }: Deps) {
  async function knownIds(executor: Executor, name: string, ids: string[]): Promise<Set<string>> {
    const table = resource(name).name.endsWith('_translation') || name.endsWith('_profile') ? null : tableOf(name);
    if (!table) return new Set();
    const { rows } = await sql<{ id: string }>`select id::text as id from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(executor);
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Opportunities' own rules, past their fields: an ISIC Rev.4 code of the list (contracts/isic.ts);
   * for an officer, no stored opportunity of another territory overwritten; and translations of
   * an opportunity rejected here are rejected too (nothing else would catch them).
   */
  async function checkOpportunities(executor: Executor, parsed: Tables, valid: Tables, problems: HsdsImportProblem[], territoryScope: Set<string> | null) {
    const opportunities = valid.get('opportunity');
    if (opportunities) {
      const all = parsed.get('opportunity')!.rows;
      const ids = opportunities.rows.map((row) => row.id!);
      const foreign = new Set<string>();
      if (territoryScope && ids.length > 0) {
        const { rows } = await sql<{ id: string; territoryId: string }>`select id::text as id, territory_id from directory_opportunity where id = any(${ids}::uuid[])`.execute(executor);
        for (const row of rows) if (!territoryScope.has(row.territoryId)) foreign.add(row.id);
      }
      opportunities.rows = opportunities.rows.filter((row) => {
        const [field, reason] = !isKnownIsicCode(row.isic_code!) ? ['isic_code', 'unknown_isic_code'] : foreign.has(row.id!) ? ['id', 'outside_actor_territories'] : [null, null];
        if (reason) problems.push({ table: 'opportunity', row: all.indexOf(row) + 1, field, reason });
        return !reason;
      });
    }
    const translations = valid.get('opportunity_translation');
    if (translations) {
      const kept = new Set((opportunities?.rows ?? []).map((row) => row.id!));
      const named = (parsed.get('opportunity')?.rows ?? []).map((row) => row.id);
      const all = parsed.get('opportunity_translation')!.rows;
      translations.rows = translations.rows.filter((row) => {
        const rejected = named.includes(row.opportunity_id) && !kept.has(row.opportunity_id!);
        if (rejected) problems.push({ table: 'opportunity_translation', row: all.indexOf(row) + 1, field: 'opportunity_id', reason: 'references_rejected_row' });
        return !rejected;
      });
    }
  }

  /** Parses and validates; returns the rows to write and every problem found. */
  async function prepare(executor: Executor, input: HsdsImportBody, territoryScope: Set<string> | null) {
    const problems: HsdsImportProblem[] = [];
    const parsed = input.files ? parseCsvFiles(input.files, problems) : flattenJson(input.json!.services, problems);
    const valid = await validateTables(parsed, (name, ids) => knownIds(executor, name, ids), problems);

    // Profile territory codes must name a known territory (and, for an officer, one of theirs).
    const codes = [...new Set(['service_profile', 'organization_profile', 'opportunity'].flatMap((name) => (valid.get(name)?.rows ?? []).flatMap((row) => (row.territory_code ? [row.territory_code] : []))))];
    const territories = new Map(
      codes.length === 0 ? [] : (await sql<{ id: string; code: string }>`select id, code from territory where code = any(${codes})`.execute(executor)).rows.map((row) => [row.code, row.id]),
    );
    for (const name of ['service_profile', 'organization_profile', 'opportunity']) {
      const table = valid.get(name);
      if (!table) continue;
      const all = parsed.get(name)!.rows;
      table.rows = table.rows.filter((row) => {
        const id = row.territory_code ? territories.get(row.territory_code) : undefined;
        const reason = row.territory_code && !id ? 'unknown_territory' : id && territoryScope && !territoryScope.has(id) ? 'outside_actor_territories' : null;
        if (reason) problems.push({ table: name, row: all.indexOf(row) + 1, field: 'territory_code', reason });
        return !reason;
      });
    }
    await checkOpportunities(executor, parsed, valid, problems, territoryScope);
    // An officer may not overwrite services of territories outside their own.
    if (territoryScope) {
      const services = valid.get('service');
      const ids = services?.rows.map((row) => row.id!) ?? [];
      if (ids.length > 0) {
        const { rows } = await sql<{ id: string; territoryId: string | null }>`select id::text as id, territory_id from hsds_service where id = any(${ids}::uuid[])`.execute(executor);
        const foreign = new Set(rows.filter((row) => row.territoryId && !territoryScope.has(row.territoryId)).map((row) => row.id));
        const all = parsed.get('service')!.rows;
        services!.rows = services!.rows.filter((row) => {
          if (!foreign.has(row.id!)) return true;
          problems.push({ table: 'service', row: all.indexOf(row) + 1, field: 'id', reason: 'outside_actor_territories' });
          return false;
        });
      }
    }
    problems.sort((a, b) => a.table.localeCompare(b.table) || a.row - b.row);
    return { valid, problems, territories, total: rowCount(parsed) };
  }

  async function write(trx: Executor, tables: Tables, territories: Map<string, string>, territoryId: string | undefined) {
    const imported: Record<string, number> = {};
    // Each profiled service's Glocal columns, as the profile sets them (blank fields as their defaults).
    const profiles = new Map<string, ServiceProfile>(
      (tables.get('service_profile')?.rows ?? []).map((row) => [
        row.service_id!,
        {
          territory_id: row.territory_code ? territories.get(row.territory_code)! : null,
          source_locale: row.source_locale ?? 'en',
          last_verified: row.last_verified ?? null,
          diaspora_eligible: row.diaspora_eligible ?? null,
          returnee_eligible: row.returnee_eligible ?? null,
          loan_min: row.loan_min ?? null,
          loan_max: row.loan_max ?? null,
          loan_currency: row.loan_currency ?? null,
          collateral_required: row.collateral_required ?? null,
          interest_min: row.interest_min ?? null,
          interest_max: row.interest_max ?? null,
          target_groups: words(row.target_groups),
          staff_languages: words(row.staff_languages),
        },
      ]),
    );
    // New services are written with their profile and the import's territory at once (updating them after costs more than the COPY).
    const newService: FreshColumns = {
      columns: PROFILE_COLUMNS,
      values: (row) => {
        const profile = profiles.get(row.id as string) ?? DEFAULT_PROFILE;
        return PROFILE_COLUMNS.map((column) => {
          const value = profile[column];
          // Codes the profile's field patterns allow (letters only): an array literal without quoting.
          if (Array.isArray(value)) return `{${value.join(',')}}`;
          return column === 'territory_id' ? (value ?? territoryId ?? null) : value;
        });
      },
    };
    const newServices = new Set<string>();
    for (const name of CORE_ORDER) {
      const rows = tables.get(name)?.rows ?? [];
      if (rows.length === 0) continue;
      const fields = resource(name).schema.fields.map((field) => dbColumn(field.name));
      const copied = await upsert(trx, coreTable(name), ['id'], fields, rows.map(dbRow), name === 'service' ? newService : undefined);
      if (name === 'service') for (const id of copied) newServices.add(id);
      imported[name] = rows.length;
    }
    for (const [name, columns] of Object.entries(TRANSLATABLE)) {
      const rows = tables.get(`${name}_translation`)?.rows ?? [];
      if (rows.length === 0) continue;
      await upsert(trx, `${coreTable(name)}_translation`, [`${name}_id`, 'locale'], [`${name}_id`, 'locale', ...columns!], rows);
      imported[`${name}_translation`] = rows.length;
    }
    // Profiles of services that were stored before, or that the file does not list, are updated where they differ.
    const profile = [...profiles].filter(([id]) => !newServices.has(id)).map(([id, columns]) => ({ id, ...columns }));
    const set = sql.join(PROFILE_COLUMNS.map((column) => sql`${sql.id(column)} = p.${sql.id(column)}`));
    const stored = sql.join(PROFILE_COLUMNS.map((column) => sql`s.${sql.id(column)}`));
    const given = sql.join(PROFILE_COLUMNS.map((column) => sql`p.${sql.id(column)}`));
    for (let start = 0; start < profile.length; start += BATCH) {
      await sql`
        update hsds_service s set ${set}
        from json_populate_recordset(null::hsds_service, ${JSON.stringify(profile.slice(start, start + BATCH))}::json) p
        where s.id = p.id and (${stored}) is distinct from (${given})`.execute(trx);
    }
    if (profiles.size > 0) imported.service_profile = profiles.size;
    const organizations = tables.get('organization_profile')?.rows ?? [];
    if (organizations.length > 0) {
      const profile = organizations.map((row) => ({ id: row.organization_id, territory_id: row.territory_code ? territories.get(row.territory_code) : null, source_locale: row.source_locale ?? 'en' }));
      await sql`
        update hsds_organization o set territory_id = p.territory_id, source_locale = p.source_locale
        from json_populate_recordset(null::hsds_organization, ${JSON.stringify(profile)}::json) p
        where o.id = p.id and (o.territory_id, o.source_locale) is distinct from (p.territory_id, p.source_locale)`.execute(trx);
      imported.organization_profile = organizations.length;
    }
    const opportunities = tables.get('opportunity')?.rows ?? [];
    if (opportunities.length > 0) {
      const rows = opportunities.map((row) => ({
        id: row.id, territory_id: territories.get(row.territory_code!)!, kind: row.kind, isic_code: row.isic_code, title: row.title, description: row.description,
        contact_name: row.contact_name ?? null, contact_email: row.contact_email ?? null, contact_phone: row.contact_phone ?? null,
        organization_id: row.organization_id ?? null, source_locale: row.source_locale ?? 'en',
      }));
      await upsert(trx, 'directory_opportunity', ['id'], OPPORTUNITY_COLUMNS, rows);
      imported.opportunity = opportunities.length;
    }
    const opportunityTexts = tables.get('opportunity_translation')?.rows ?? [];
    if (opportunityTexts.length > 0) {
      const rows = opportunityTexts.map((row) => ({ opportunity_id: row.opportunity_id, locale: row.locale, title: row.title ?? null, description: row.description ?? null }));
      await upsert(trx, 'directory_opportunity_translation', ['opportunity_id', 'locale'], ['opportunity_id', 'locale', 'title', 'description'], rows);
      imported.opportunity_translation = opportunityTexts.length;
    }
    const serviceIds = (tables.get('service')?.rows ?? []).map((row) => row.id!);
    if (territoryId) {
      const storedIds = serviceIds.filter((id) => !newServices.has(id));
      await sql`update hsds_service set territory_id = ${territoryId} where id = any(${storedIds}::uuid[]) and territory_id is null`.execute(trx);
      const organizationIds = (tables.get('organization')?.rows ?? []).map((row) => row.id!);
      await sql`update hsds_organization set territory_id = ${territoryId} where id = any(${organizationIds}::uuid[]) and territory_id is null`.execute(trx);
    }
    // The services whose search documents may have changed: their text, terms or organization (refreshed once committed).
    const touched = new Set(serviceIds);
    for (const row of tables.get('service_translation')?.rows ?? []) touched.add(row.service_id!);
    for (const id of profiles.keys()) touched.add(id);
    for (const row of tables.get('attribute')?.rows ?? []) if (row.link_entity === 'service') touched.add(row.link_id!);
    // Costs and languages are copied into the search rows (the cost and language filters).
    for (const name of ['cost_option', 'language']) for (const row of tables.get(name)?.rows ?? []) if (row.service_id) touched.add(row.service_id);
    return { imported, touched: [...touched] };
  }

  /** Imports HSDS data. All or nothing unless `mode` is `valid_rows`; problems name table, row, field and reason. */
  async function importData(input: HsdsImportBody, options: { actor: Actor | null; territoryScope: Set<string> | null; request?: Request }): Promise<HsdsImportReport> {
    const mode: HsdsImportMode = input.mode ?? 'all_or_nothing';
    const { valid, problems, territories, total } = await prepare(db, input, options.territoryScope);
    if (problems.length > 0 && mode === 'all_or_nothing') {
      throw new BadRequestError(
        'directory.import_invalid',
        { problems: problems.length },
        problems.slice(0, MAX_PROBLEMS_SENT).map((problem) => ({
          pointer: `/${problem.table}/${problem.row}${problem.field ? `/${problem.field}` : ''}`,
          in: 'body' as const,
          code: problem.reason,
          params: { table: problem.table, row: problem.row, field: problem.field },
        })),
      );
    }
    const rejected = total - rowCount(valid);
    const { imported, touched } = await db.transaction().execute(async (trx) => {
      const written = await write(trx, valid, territories, input.territoryId);
      await audit.record(trx, {
        actor: options.actor,
        action: 'directory.hsds_imported',
        details: { mode, imported: written.imported, rejected, problems: problems.length, territoryId: input.territoryId ?? null },
        ...(options.request ? { request: options.request } : {}),
      });
      return written;
    });
    // Search documents once the data is committed (a large import's rebuilt whole, see refreshSearchInBulk).
    await refreshSearchInBulk(db, touched);
    return { mode, imported, rejected, problems: problems.slice(0, MAX_PROBLEMS_SENT) };
  }

  /** Every table as CSV (HSDS's fields, in its order), plus the profile's, plus datapackage.json. */
  async function exportData(executor: Executor = db): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    const csv = (fields: string[], rows: Record<string, string>[]) =>
      stringify(rows.map((row) => fields.map((field) => row[field] ?? '')), { header: true, columns: fields, record_delimiter: '\n' });
    for (const name of CORE_ORDER) {
      const definition = resource(name);
      // Contacts and phones marked private stay in the database.
      const where =
        name === 'contact'
          ? sql`not t.is_private`
          : name === 'phone'
            ? sql`not t.is_private and (t.contact_id is null or t.contact_id not in (select id from hsds_contact where is_private))`
            : name === 'language'
              ? sql`(t.phone_id is null or t.phone_id not in (select id from hsds_phone where is_private))`
              : sql`true`;
      files[definition.path] = csv(definition.schema.fields.map((field) => field.name), await selectRows(executor, name, where));
    }
    const services = await sql<Record<string, string | null>>`
      select s.id::text as service_id, t.code as territory_code, s.source_locale, s.last_verified::text as last_verified,
        s.diaspora_eligible::text as diaspora_eligible, s.returnee_eligible::text as returnee_eligible, s.loan_min::text as loan_min,
        s.loan_max::text as loan_max, s.loan_currency, s.collateral_required::text as collateral_required,
        s.interest_min::text as interest_min, s.interest_max::text as interest_max,
        array_to_string(s.target_groups, ' ') as target_groups, array_to_string(s.staff_languages, ' ') as staff_languages
      from hsds_service s left join territory t on t.id = s.territory_id order by s.id`.execute(executor);
    const organizations = await sql<Record<string, string | null>>`
      select o.id::text as organization_id, t.code as territory_code, o.source_locale
      from hsds_organization o left join territory t on t.id = o.territory_id order by o.id`.execute(executor);
    const opportunities = await sql<Record<string, string | null>>`
      select op.id::text as id, t.code as territory_code, op.kind, op.isic_code, op.title, op.description, op.contact_name, op.contact_email,
        op.contact_phone, op.organization_id::text as organization_id, op.source_locale
      from directory_opportunity op join territory t on t.id = op.territory_id order by op.id`.execute(executor);
    const snakeRow = (row: Record<string, string | null>) =>
      Object.fromEntries(Object.entries(row).flatMap(([key, value]) => (value === null ? [] : [[key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value]])));
    for (const profile of PROFILE_RESOURCES) {
      const fields = profile.schema.fields.map((field) => field.name);
      if (profile.name === 'service_profile') files[profile.path] = csv(fields, services.rows.map(snakeRow));
      else if (profile.name === 'organization_profile') files[profile.path] = csv(fields, organizations.rows.map(snakeRow));
      else if (profile.name === 'opportunity') files[profile.path] = csv(fields, opportunities.rows.map(snakeRow));
      else {
        const table = profile.name.replace(/_translation$/, '');
        const { rows } = await sql<Record<string, string | null>>`
          select ${sql.join(fields.map((field) => sql`${sql.ref(field)}::text as ${sql.id(field)}`))}
          from ${sql.table(`${tableOf(table)}_translation`)} order by ${sql.ref(`${table}_id`)}, locale`.execute(executor);
        files[profile.path] = csv(fields, rows.map(snakeRow));
      }
    }
    files['datapackage.json'] = `${JSON.stringify(GLOCAL_DATAPACKAGE, null, 2)}\n`;
    return files;
  }

  /** The territories an officer's organisations reach (home or served, with everything below). */
  async function territoriesOf(actor: Actor): Promise<Set<string> | null> {
    if (actor.memberships.some((membership) => membership.organisationId === null)) return null;
    const organisationIds = actor.memberships.flatMap((membership) => (membership.organisationId ? [membership.organisationId] : []));
    const { rows } = await sql<{ id: string }>`
      with recursive reach as (
        select home_territory_id as id from organisation where id = any(${organisationIds}::uuid[])
        union select territory_id from organisation_territory where organisation_id = any(${organisationIds}::uuid[])
        union select t.id from territory t join reach on t.parent_id = reach.id)
      select id from reach`.execute(db);
    return new Set(rows.map((row) => row.id));
  }

  return {
    importData,
    exportData,

    async importForActor(actor: Actor | null, input: HsdsImportBody, request: Request) {
      const importer = await access.require(actor, 'directory:import', undefined, { request });
      const scope = await territoriesOf(importer);
      if (scope && (!input.territoryId || !scope.has(input.territoryId))) {
        await access.deny(importer, 'directory:import', undefined, request);
        throw new AppError('directory.outside_actor_territories', 403, { territoryId: input.territoryId ?? null });
      }
      return importData(input, { actor: importer, territoryScope: scope, request });
    },

    async exportForActor(actor: Actor | null, request: Request) {
      const exporter = await access.require(actor, 'directory:import', undefined, { request });
      const files = await exportData();
      await db.transaction().execute((trx) => audit.record(trx, { actor: exporter, action: 'directory.hsds_exported', request }));
      return { files };
    },
  };
}
