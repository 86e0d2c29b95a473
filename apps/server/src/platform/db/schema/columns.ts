/** Shared by each domain's table types: the column list that `migrations.test.ts` checks against the database. */
export type ColumnList<Part> = { [Table in keyof Part]: readonly (keyof Part[Table])[] };
/** `never` for every table whose columns are all listed; anything else fails to compile. */
export type UnlistedColumns<Part, Listed extends ColumnList<Part>> = {
  [Table in keyof Part]: Exclude<keyof Part[Table], Listed[Table][number]>;
};
