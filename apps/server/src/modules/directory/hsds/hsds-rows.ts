import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';
import { coreTable, dbColumn, resource, type FieldDef, type ResourceDef } from './hsds-schema.js';

/** A field read as HSDS text: datetimes in ISO 8601 (as JSON writes them), everything else as PostgreSQL prints it. */
const asText = (field: FieldDef, alias = 't') => {
  const column = sql.ref(`${alias}.${dbColumn(field.name)}`);
  return field.type === 'datetime' ? sql`(to_json(${column}) #>> '{}')` : sql`${column}::text`;
};

/** Rows of an HSDS table as text values by field name, nulls left out. */
export async function selectRows(db: Executor, name: string, where: RawBuilder<unknown> = sql`true`, order = true): Promise<Record<string, string>[]> {
  const definition = resource(name);
  const columns = definition.schema.fields.map((field) => sql`${asText(field)} as ${sql.id(field.name)}`);
  const { rows } = await sql<Record<string, string | null>>`
    select ${sql.join(columns)} from ${sql.table(coreTable(name))} t where ${where} ${order ? sql`order by t.id` : sql``}`.execute(db);
  // The CamelCasePlugin renamed result columns; map them back to HSDS field names.
  const camel = (field: string) => field.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return rows.map((row) =>
    Object.fromEntries(
      definition.schema.fields.flatMap((field) => {
        const value = row[camel(field.name)] ?? row[field.name];
        return value === null || value === undefined ? [] : [[field.name, value]];
      }),
    ),
  );
}

/** HSDS JSON: text values typed by their field (numbers as numbers), missing values left out. */
export function toJsonObject(definition: ResourceDef, row: Record<string, string>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of definition.schema.fields) {
    const value = row[field.name];
    if (value === undefined) continue;
    object[field.name] = field.type === 'number' || field.type === 'integer' ? Number(value) : field.type === 'boolean' ? value === 'true' : value;
  }
  return object;
}
