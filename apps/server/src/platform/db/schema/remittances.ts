import type { ColumnList, UnlistedColumns } from './columns.js';

/** The remittances domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations. */
export interface RemittancesDB {}

export const REMITTANCES_COLUMNS = {} as const satisfies ColumnList<RemittancesDB>;
export const remittancesColumnsListed: { [Table in keyof RemittancesDB]: never } = {} as UnlistedColumns<RemittancesDB, typeof REMITTANCES_COLUMNS>;
