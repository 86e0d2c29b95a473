import type { ImportRowError } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { ApiProblem } from '../../../lib/api-problem';
import { ROW_ERROR_FALLBACK, ROW_ERROR_MESSAGES } from '../utils/remittance-messages';

/**
 * The refused rows of an import: a partial import lists them in its report, a refused file in its
 * problem (`/rows/<line>/<column>`, `params.row`, `params.column`).
 */
export function importRowErrors(report: { errors: ImportRowError[] } | undefined, error: unknown): ImportRowError[] {
  if (report) return report.errors;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  return (problem?.errors ?? [])
    .filter((item) => item.pointer.startsWith('/rows/'))
    .map((item) => ({
      row: Number(item.params?.row ?? 0),
      column: typeof item.params?.column === 'string' ? item.params.column : null,
      code: item.code,
      params: Object.fromEntries(
        Object.entries(item.params ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
      ),
    }));
}

/** The columns a refused file lacks (`remittance.import_columns`). */
export function importMissingColumns(error: unknown): string[] {
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  return (problem?.errors ?? []).filter((item) => item.code === 'missing_column').map((item) => String(item.params?.column ?? ''));
}

/** A table of the refused rows: each one's line in the file, its column and why, in the reader's language. */
export function ImportRowErrors({ errors }: { errors: ImportRowError[] }) {
  const { formatMessage } = useIntl();
  const id = useId();
  if (errors.length === 0) return null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-errors`}>
      <table>
        <caption id={`${id}-errors`}>{formatMessage({ id: 'remittances.import.errors_caption' }, { count: errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'remittances.import.row' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.import.column' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.import.reason' })}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.row}-${error.column}-${index}`}>
              <td>{error.row}</td>
              <td dir="ltr">{error.column ?? ''}</td>
              <td>{formatMessage(ROW_ERROR_MESSAGES[error.code] ?? ROW_ERROR_FALLBACK, error.params ?? {})}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
