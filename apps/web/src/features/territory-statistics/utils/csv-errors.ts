import type { ProblemFieldError } from '@glocal/contracts';

/** One bad cell of an imported CSV file, from a pointer such as `/3/population_total`. */
export interface CsvCellError {
  line: number | null;
  column: string | null;
  error: ProblemFieldError;
}

/** The columns a statistics file has, in order: the table lists problems in this order within a line. */
export const CSV_COLUMNS = [
  'territory_code',
  'year',
  'population_total',
  'population_female',
  'population_male',
  'foreign_born',
  'emigrants_abroad',
  'source',
] as const;

export function csvCellErrors(errors: readonly ProblemFieldError[]): CsvCellError[] {
  return errors
    .map((error) => {
      const [, line, column] = /^\/(\d+)(?:\/([^/]+))?/.exec(error.pointer) ?? [];
      return { line: line ? Number(line) : null, column: column ?? null, error };
    })
    .sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        CSV_COLUMNS.indexOf(a.column as (typeof CSV_COLUMNS)[number]) - CSV_COLUMNS.indexOf(b.column as (typeof CSV_COLUMNS)[number]),
    );
}
