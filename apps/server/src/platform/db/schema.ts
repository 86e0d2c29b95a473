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
