import type { HsdsImportBody, HsdsImportReport, ProblemFieldError } from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';
import { TerritorySelect } from '../../territories/components/territory-select';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';
import { uploadHsdsImport } from '../api/directory';
import { IMPORT_REASON_MESSAGES } from '../utils/directory-messages';

type Row = { table: string; row: number; field: string | null; reason: string };

function ProblemTable({ rows }: { rows: readonly Row[] }) {
  const { formatMessage } = useIntl();
  const reason = (code: string) => {
    const [known] = code.split(':');
    const message = IMPORT_REASON_MESSAGES[known ?? ''];
    return message ? formatMessage(message) : code;
  };
  return (
    <table className="data-table">
      <caption>{formatMessage({ id: 'directory.import.problems' }, { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{formatMessage({ id: 'directory.import.table' })}</th>
          <th scope="col">{formatMessage({ id: 'directory.import.row' })}</th>
          <th scope="col">{formatMessage({ id: 'directory.import.field' })}</th>
          <th scope="col">{formatMessage({ id: 'directory.import.reason' })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>{row.table}</td>
            <td>{row.row === 0 ? formatMessage({ id: 'directory.import.header' }) : row.row}</td>
            <td>{row.field ?? ''}</td>
            <td>{reason(row.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const rowsOf = (errors: readonly ProblemFieldError[] | undefined): Row[] =>
  (errors ?? []).map((error) => {
    const params = (error.params ?? {}) as { table?: string; row?: number; field?: string | null };
    return { table: params.table ?? '', row: params.row ?? 0, field: params.field ?? null, reason: error.code };
  });

/** Territory officers load an HSDS datapackage (CSV files) or HSDS JSON, with a progress bar, and read the report. */
export function HsdsImport({ territories }: { territories: readonly TerritoryChoice[] | undefined }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const [territoryId, setTerritory] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [validOnly, setValidOnly] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<HsdsImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setReport(null);
    setFailure(null);
    setProgress(0);
    try {
      const json = files.find((file) => file.name.endsWith('.json') && file.name !== 'datapackage.json');
      const body: HsdsImportBody = {
        mode: validOnly ? 'valid_rows' : 'all_or_nothing',
        ...(territoryId ? { territoryId } : {}),
        ...(json
          ? { json: { services: ((parsed: unknown) => (Array.isArray(parsed) ? parsed : ((parsed as { services?: unknown[] }).services ?? [])))(JSON.parse(await json.text())) as Record<string, unknown>[] } }
          : { files: Object.fromEntries(await Promise.all(files.filter((file) => file.name.endsWith('.csv')).map(async (file) => [file.name, await file.text()] as const))) }),
      };
      setReport(await uploadHsdsImport(body, locale, setProgress));
    } catch (error) {
      setFailure(error instanceof SyntaxError ? new ApiProblem('malformed_body', 400) : error);
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <TerritorySelect
          territories={territories}
          value={territoryId}
          onChange={setTerritory}
          label={formatMessage({ id: 'directory.import.territory' })}
          noneLabel={formatMessage({ id: 'directory.import.choose_territory' })}
          hint={formatMessage({ id: 'directory.import.territory_hint' })}
          required
        />
        <FormField label={formatMessage({ id: 'directory.import.files' })} hint={formatMessage({ id: 'directory.import.files_hint' })}>
          {(control) => <input {...control} type="file" multiple accept=".csv,.json,text/csv,application/json" required onChange={(event) => setFiles([...(event.target.files ?? [])])} />}
        </FormField>
        <div className="form-field">
          <label>
            <input type="checkbox" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} /> {formatMessage({ id: 'directory.import.valid_only' })}
          </label>
        </div>
        <button type="submit" className="button" disabled={progress !== null}>
          {formatMessage({ id: 'directory.import.submit' })}
        </button>
      </form>
      {progress !== null && (
        <p>
          <label>
            {formatMessage({ id: 'directory.import.progress' })} <progress max={1} value={progress} />
          </label>
        </p>
      )}
      {failure !== null && (
        <div>
          <ProblemMessage error={failure} />
          {failure instanceof ApiProblem && failure.problem?.errors && <ProblemTable rows={rowsOf(failure.problem.errors)} />}
        </div>
      )}
      {report && (
        <section aria-labelledby="import-report" role="status">
          <h2 id="import-report">{formatMessage({ id: 'directory.import.done' })}</h2>
          <ul>
            {Object.entries(report.imported).map(([table, count]) => (
              <li key={table}>{formatMessage({ id: 'directory.import.imported_rows' }, { table, count })}</li>
            ))}
          </ul>
          {report.problems.length > 0 && <ProblemTable rows={report.problems} />}
        </section>
      )}
    </>
  );
}
