import type { ColumnList, UnlistedColumns } from './columns.js';

/** The directory domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations. */
export interface DirectoryDB {}

export const DIRECTORY_COLUMNS = {} as const satisfies ColumnList<DirectoryDB>;
export const directoryColumnsListed: { [Table in keyof DirectoryDB]: never } = {} as UnlistedColumns<DirectoryDB, typeof DIRECTORY_COLUMNS>;
