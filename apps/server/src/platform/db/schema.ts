import type { ColumnType, Generated } from 'kysely';

/** Table types, in camelCase as the CamelCasePlugin exposes them. Kept in step with migrations. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TerritoryTable {
  id: Generated<string>;
  parentId: string | null;
  level: 'country' | 'region' | 'department' | 'commune';
  code: string;
  countryCode: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface TerritoryNameTable {
  territoryId: string;
  locale: string;
  name: string;
}

export interface DB {
  territory: TerritoryTable;
  territoryName: TerritoryNameTable;
}

/**
 * The columns of each table, checked against the migrated database by a test. The type below
 * fails to compile when this list and the interfaces above disagree.
 */
export const DB_COLUMNS = {
  territory: ['id', 'parentId', 'level', 'code', 'countryCode', 'createdAt', 'updatedAt'],
  territoryName: ['territoryId', 'locale', 'name'],
} as const satisfies { [Table in keyof DB]: readonly (keyof DB[Table])[] };

type Unlisted = { [Table in keyof DB]: Exclude<keyof DB[Table], (typeof DB_COLUMNS)[Table][number]> };
export const everyColumnListed: { [Table in keyof DB]: never } = {} as Unlisted;
