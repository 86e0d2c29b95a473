import type { ColumnList, UnlistedColumns } from './columns.js';

/** The cases domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations. */
export interface CasesDB {}

export const CASES_COLUMNS = {} as const satisfies ColumnList<CasesDB>;
export const casesColumnsListed: { [Table in keyof CasesDB]: never } = {} as UnlistedColumns<CasesDB, typeof CASES_COLUMNS>;
