import type { HsdsImportProblem } from '@glocal/contracts';
import { CsvSyntaxError, readCsv } from '../../../platform/csv/read-csv.js';
import { GLOCAL_DATAPACKAGE, resourceByName, resourceByPath, type FieldDef, type ResourceDef } from './hsds-schema.js';

/** Rows of one resource, as text values keyed by HSDS field name (empty cells absent). */
export type Table = { resource: ResourceDef; rows: Record<string, string>[] };
export type Tables = Map<string, Table>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function validDate(value: string) {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const patterns = new Map<string, RegExp>();
/** A field's pattern, compiled once (imports test it on every row). */
const patternOf = (pattern: string) => patterns.get(pattern) ?? patterns.set(pattern, new RegExp(pattern)).get(pattern)!;

/** Why a value does not fit its field, or null when it does. */
export function fieldProblem(field: FieldDef, value: string | undefined): string | null {
  const constraints = field.constraints ?? {};
  if (value === undefined || value === '') return constraints.required ? 'required' : null;
  if (value.includes('\uFFFD') || value.includes('\u0000')) return 'invalid_encoding';
  if (field.format === 'uuid' && !UUID.test(value)) return 'invalid_uuid';
  if (field.format === 'email' && !EMAIL.test(value)) return 'invalid_email';
  if (field.format === 'uri') {
    try {
      new URL(value);
    } catch {
      return 'invalid_uri';
    }
  }
  switch (field.type) {
    case 'number':
    case 'integer':
      if (!NUMBER.test(value)) return 'invalid_number';
      if (field.name === 'latitude' && Math.abs(Number(value)) > 90) return 'out_of_range';
      if (field.name === 'longitude' && Math.abs(Number(value)) > 180) return 'out_of_range';
      break;
    case 'date':
      if (!validDate(value)) return 'invalid_date';
      break;
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) return 'invalid_datetime';
      break;
    case 'time':
      if (!TIME.test(value)) return 'invalid_time';
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') return 'invalid_boolean';
      break;
  }
  if (constraints.enum && !constraints.enum.includes(value)) return 'not_in_enum';
  if (constraints.pattern && !patternOf(constraints.pattern).test(value)) return 'pattern_mismatch';
  if (field.name === 'currency' && !/^[A-Z]{3}$/.test(value)) return 'invalid_currency';
  return null;
}

/**
 * Whether the column holds uuids, which are read in lower case: PostgreSQL compares them without
 * case, so `ABC…` and `abc…` must be one key here too (or the second would look new and fail to insert).
 */
const isUuidField = (resource: ResourceDef, column: string) => resource.schema.fields.some((field) => field.name === column && field.format === 'uuid');

/** Parses the CSV files of a datapackage; a file that cannot be read is one problem, never a crash. */
export function parseCsvFiles(files: Record<string, string>, problems: HsdsImportProblem[]): Tables {
  const tables: Tables = new Map();
  for (const [path, text] of Object.entries(files)) {
    if (path === 'datapackage.json') continue;
    const resource = resourceByPath.get(path);
    if (!resource) {
      problems.push({ table: path, row: 0, field: null, reason: 'unknown_file' });
      continue;
    }
    let records: string[][];
    try {
      records = readCsv(text);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      problems.push({ table: resource.name, row: Math.max(error.record - 1, 0), field: null, reason: text.includes('\uFFFD') ? 'invalid_encoding' : `malformed_csv: ${error.message}` });
      continue;
    }
    const [header = [], ...body] = records;
    // Bytes that are not UTF-8 (a Latin-1 or Windows-1252 file) were read as U+FFFD: the whole file
    // is refused, naming the first cell where it shows, rather than importing mangled text.
    if (text.includes('\uFFFD')) {
      const row = records.findIndex((cells) => cells.some((cell) => cell.includes('\uFFFD')));
      const column = row >= 0 ? records[row]!.findIndex((cell) => cell.includes('\uFFFD')) : -1;
      problems.push({ table: resource.name, row: Math.max(row, 0), field: row > 0 ? (header[column] ?? null) : null, reason: 'invalid_encoding' });
      continue;
    }
    // Every record has the header's cells: a row with more or fewer was cut or split by a stray delimiter.
    const uneven = body.findIndex((cells) => cells.length !== header.length);
    if (uneven >= 0) {
      problems.push({ table: resource.name, row: uneven + 1, field: null, reason: `malformed_csv: ${body[uneven]!.length} cells where the header has ${header.length}` });
      continue;
    }
    const known = new Set(resource.schema.fields.map((field) => field.name));
    const unknown = header.filter((column) => !known.has(column));
    const missing = resource.schema.fields.filter((field) => field.constraints?.required && !header.includes(field.name)).map((field) => field.name);
    for (const column of unknown) problems.push({ table: resource.name, row: 0, field: column, reason: 'unknown_column' });
    for (const column of missing) problems.push({ table: resource.name, row: 0, field: column, reason: 'missing_column' });
    if (new Set(header).size !== header.length) problems.push({ table: resource.name, row: 0, field: null, reason: 'duplicate_column' });
    if (unknown.length > 0 || missing.length > 0) continue;
    const uuids = header.map((column) => isUuidField(resource, column));
    const rows = body.map((cells) => {
      const row: Record<string, string> = {};
      for (let index = 0; index < header.length; index++) if (cells[index]) row[header[index]!] = uuids[index] ? cells[index]!.toLowerCase() : cells[index]!;
      return row;
    });
    tables.set(resource.name, { resource, rows });
  }
  return tables;
}

/** Where each nested key of HSDS JSON leads (compiled service/organization shapes). */
const NESTED: Record<string, { resource: string; parentKey?: string }> = {
  organization: { resource: 'organization' },
  program: { resource: 'program' },
  service_at_locations: { resource: 'service_at_location', parentKey: 'service_id' },
  location: { resource: 'location' },
  addresses: { resource: 'address', parentKey: 'location_id' },
  phones: { resource: 'phone' },
  schedules: { resource: 'schedule' },
  service_areas: { resource: 'service_area', parentKey: 'service_id' },
  languages: { resource: 'language' },
  funding: { resource: 'funding' },
  cost_options: { resource: 'cost_option', parentKey: 'service_id' },
  required_documents: { resource: 'required_document', parentKey: 'service_id' },
  contacts: { resource: 'contact' },
  attributes: { resource: 'attribute', parentKey: 'link_id' },
  taxonomy_term: { resource: 'taxonomy_term' },
  taxonomy_detail: { resource: 'taxonomy' },
  accessibility: { resource: 'accessibility', parentKey: 'location_id' },
  organization_identifiers: { resource: 'organization_identifier', parentKey: 'organization_id' },
  metadata: { resource: 'metadata', parentKey: 'resource_id' },
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The objects of a nested list (or of a single nested object); anything else is not HSDS and is reported by `add`. */
const objectsOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).filter(isObject);

const PARENT_KEY: Record<string, string> = { service: 'service_id', location: 'location_id', service_at_location: 'service_at_location_id', organization: 'organization_id', contact: 'contact_id', phone: 'phone_id' };

/** Flattens HSDS JSON (fully nested services, as `/services/{id}` answers) into tables. */
export function flattenJson(services: readonly unknown[], problems: HsdsImportProblem[]): Tables {
  const tables: Tables = new Map();
  const seen = new Map<string, Map<string, string>>();
  const add = (name: string, object: Record<string, unknown>, parent: { name: string; id: string; key: string | undefined } | null, index: number) => {
    const resource = resourceByName.get(name)!;
    const row: Record<string, string> = {};
    for (const field of resource.schema.fields) {
      const value = object[field.name];
      if (value === null || value === undefined) continue;
      if (typeof value === 'object') {
        problems.push({ table: name, row: index + 1, field: field.name, reason: 'not_a_scalar' });
        continue;
      }
      row[field.name] = field.format === 'uuid' ? String(value).toLowerCase() : String(value);
    }
    // A child takes its parent's id (phones of a location get its location_id…) unless it names one.
    if (parent?.key && resource.schema.fields.some((field) => field.name === parent.key) && !row[parent.key]) row[parent.key] = parent.id;
    if (name === 'attribute' && parent && !row.link_entity) row.link_entity = parent.name;
    for (const [key, value] of Object.entries(object)) {
      const target = NESTED[key];
      if (!target || value === null || value === undefined) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        // A list of lists, or a number where a phone object belongs: malformed HSDS, reported rather than skipped.
        if (!isObject(child)) problems.push({ table: name, row: index + 1, field: key, reason: 'not_an_object' });
        else if (row.id) add(target.resource, child, { name, id: row.id, key: target.parentKey ?? PARENT_KEY[name] }, index);
      }
    }
    const table = tables.get(name) ?? { resource, rows: [] };
    tables.set(name, table);
    const ids = seen.get(name) ?? new Map<string, string>();
    seen.set(name, ids);
    const signature = JSON.stringify(row);
    if (row.id && ids.has(row.id)) {
      if (ids.get(row.id) !== signature) problems.push({ table: name, row: index + 1, field: 'id', reason: 'duplicate_id' });
      return;
    }
    if (row.id) ids.set(row.id, signature);
    table.rows.push(row);
  };
  services.forEach((item: unknown, index) => {
    if (!isObject(item)) {
      problems.push({ table: 'service', row: index + 1, field: null, reason: 'not_an_object' });
      return;
    }
    let service = item;
    const organization = isObject(service.organization) ? service.organization : undefined;
    if (organization?.id && !service.organization_id) service = { ...service, organization_id: organization.id };
    for (const sal of objectsOf(service.service_at_locations)) {
      const location = isObject(sal.location) ? sal.location : undefined;
      if (location?.id && !sal.location_id) sal.location_id = location.id;
    }
    for (const attribute of objectsOf(service.attributes)) {
      const term = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
      if (term?.id && !attribute.taxonomy_term_id) attribute.taxonomy_term_id = term.id;
    }
    add('service', service, null, index);
  });
  return tables;
}

export type KnownIds = (resource: string, ids: string[]) => Promise<Set<string>>;

/** A row's primary key as one string (`|` between the fields of a composite key). */
const keyOf = (resource: ResourceDef): ((row: Record<string, string>) => string) => {
  const key = resource.schema.primaryKey ?? 'id';
  if (!Array.isArray(key)) return (row) => row[key] ?? '';
  return (row) => key.map((field) => row[field] ?? '').join('|');
};

/**
 * Checks every row against its fields, keys and foreign keys (rows of this import or already in
 * the database). Returns the rows that pass; with `dropInvalid`, rows that point at a rejected row
 * are rejected too, until nothing changes.
 */
export async function validateTables(tables: Tables, knownIds: KnownIds, problems: HsdsImportProblem[]): Promise<Tables> {
  /** Each table's rejected rows, by index (one set per table, made when first asked for). */
  const bad = new Map<string, Set<number>>();
  const badRows = (table: string) => bad.get(table) ?? bad.set(table, new Set()).get(table)!;
  const reject = (table: string, index: number, field: string | null, reason: string) => {
    problems.push({ table, row: index + 1, field, reason });
    badRows(table).add(index);
  };
  for (const [name, table] of tables) {
    const keys = new Set<string>();
    const rowKey = keyOf(table.resource);
    const hasCoordinates = ['latitude', 'longitude'].every((name) => table.resource.schema.fields.some((field) => field.name === name));
    table.rows.forEach((row, index) => {
      for (const field of table.resource.schema.fields) {
        const reason = fieldProblem(field, row[field.name]);
        if (reason) reject(name, index, field.name, reason);
      }
      // A point needs both coordinates (the database refuses one without the other).
      if (hasCoordinates && (row.latitude === undefined) !== (row.longitude === undefined)) {
        reject(name, index, row.latitude === undefined ? 'latitude' : 'longitude', 'coordinates_incomplete');
      }
      const key = rowKey(row);
      if (keys.has(key)) reject(name, index, Array.isArray(table.resource.schema.primaryKey) ? null : 'id', 'duplicate_id');
      keys.add(key);
    });
    // HSDS marks a few fields unique besides the key (program.organization_id, taxonomy_term.code).
    for (const field of table.resource.schema.fields.filter((f) => f.constraints?.unique && f.name !== 'id' && !Array.isArray(table.resource.schema.primaryKey) && table.resource.schema.primaryKey !== f.name)) {
      const values = new Set<string>();
      table.rows.forEach((row, index) => {
        const value = row[field.name];
        if (!value) return;
        if (values.has(value)) reject(name, index, field.name, 'duplicate_value');
        values.add(value);
      });
    }
  }

  // Foreign keys, to a fixpoint: a row pointing at a rejected row is rejected in turn.
  const references = [...tables.values()].flatMap(({ resource }) =>
    [...(resource.schema.foreignKeys ?? []), ...(resource.name === 'taxonomy_term' ? [{ fields: 'parent_id', reference: { resource: 'taxonomy_term', fields: 'id' } }] : [])].map(
      (fk) => ({ table: resource.name, field: fk.fields, target: fk.reference.resource }),
    ),
  );
  // Ids of each table's rows, and of its rows not rejected, built once per table rather than once
  // per key (a hundred thousand services are the target of a dozen keys).
  const allIds = new Map<string, Set<string>>();
  const goodIds = new Map<string, Set<string>>();
  const idsOf = (target: string, cache: Map<string, Set<string>>, keep: (index: number) => boolean) => {
    let ids = cache.get(target);
    if (!ids) {
      cache.set(target, (ids = new Set()));
      (tables.get(target)?.rows ?? []).forEach((row, index) => keep(index) && ids!.add(row.id!));
    }
    return ids;
  };
  const inDatabase = new Map<string, Set<string>>();
  for (const { table, field, target } of references) {
    // The values this import does not hold itself are asked of the database (uuids only: others are rejected already).
    const local = idsOf(target, allIds, () => true);
    const missing = new Set<string>();
    for (const row of tables.get(table)!.rows) {
      const value = row[field];
      if (value && !local.has(value) && UUID.test(value)) missing.add(value);
    }
    inDatabase.set(`${table}.${field}`, missing.size ? await knownIds(target, [...missing]) : new Set<string>());
  }
  let changed = true;
  const reported = new Set<string>();
  while (changed) {
    changed = false;
    goodIds.clear(); // rows may have been rejected since
    for (const { table, field, target } of references) {
      const targetTable = tables.get(target);
      const rejectedTargets = badRows(target);
      const goodTarget = idsOf(target, goodIds, (index) => !rejectedTargets.has(index));
      const known = inDatabase.get(`${table}.${field}`)!;
      const rejected = badRows(table);
      tables.get(table)!.rows.forEach((row, index) => {
        const value = row[field];
        if (!value || rejected.has(index)) return;
        if (goodTarget.has(value) || known.has(value) || !UUID.test(value)) return;
        const mark = `${table}.${index}.${field}`;
        if (reported.has(mark)) return;
        reported.add(mark);
        const wasImported = (targetTable?.rows ?? []).some((candidate) => candidate.id === value);
        reject(table, index, field, target === 'taxonomy_term' && !wasImported ? 'unknown_taxonomy_term' : wasImported ? 'references_rejected_row' : 'dangling_reference');
        changed = true;
      });
    }
  }

  const valid: Tables = new Map();
  for (const [name, table] of tables) valid.set(name, { resource: table.resource, rows: table.rows.filter((_, index) => !badRows(name).has(index)) });
  return valid;
}

export const rowCount = (tables: Tables) => [...tables.values()].reduce((sum, table) => sum + table.rows.length, 0);
export const ALL_RESOURCES = GLOCAL_DATAPACKAGE.resources.map((resource) => resource.name);
