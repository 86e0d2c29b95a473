import { useId, useRef, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useFieldErrorText } from '../../../components/ui/field-error';
import { ApiProblem } from '../../../lib/api-problem';
import { useImportStatistics } from '../api/territory-statistics';
import { CSV_COLUMNS, csvCellErrors, type CsvCellError } from '../utils/csv-errors';

const HEADER = CSV_COLUMNS.join(',');
/** Files larger than this are refused before upload: the server takes 10,000 rows at most. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Wording for the file's own rules, which the generic field messages cannot say. */
function cellMessage(cell: CsvCellError): MessageDescriptor | undefined {
  if (cell.error.code === 'custom' && cell.column === 'population_total') return { id: 'statistics.import.sum_exceeds_total' };
  if (cell.column === 'year' && cell.error.code !== 'too_small') return { id: 'statistics.import.year_invalid' };
  return undefined;
}

/** Imports figures from a CSV file (or text pasted in): all rows or none, with each bad cell listed. */
export function StatisticsImport() {
  const { formatMessage } = useIntl();
  const fieldErrorText = useFieldErrorText();
  const importing = useImportStatistics();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileTooLarge, setFileTooLarge] = useState(false);
  const [nothingToSend, setNothingToSend] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultsId = useId();

  const problem = importing.error instanceof ApiProblem ? importing.error : null;
  const cells = problem?.problem?.errors ? csvCellErrors(problem.problem.errors) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (importing.isPending) return;
    setNothingToSend(false);
    if (file && file.size > MAX_FILE_BYTES) {
      setFileTooLarge(true);
      return;
    }
    setFileTooLarge(false);
    const csv = file ? await file.text() : text;
    if (csv.trim() === '') {
      importing.reset();
      setNothingToSend(true);
      return;
    }
    importing.mutate(csv, {
      onSuccess: () => {
        setText('');
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
      },
    });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)}>
      <p>{formatMessage({ id: 'statistics.import.intro' })}</p>
      <pre className="code-sample" dir="ltr">
        <code>{HEADER}</code>
      </pre>
      <FormField
        label={formatMessage({ id: 'statistics.import.file' })}
        hint={formatMessage({ id: 'statistics.import.file_hint' })}
        error={fileTooLarge ? { pointer: '', code: 'too_big' } : undefined}
        errorMessage={{ id: 'statistics.import.file_too_large' }}
      >
        {(control) => (
          <input
            {...control}
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileTooLarge(false);
            }}
          />
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'statistics.import.text' })} hint={formatMessage({ id: 'statistics.import.text_hint' })}>
        {(control) => (
          <textarea
            {...control}
            dir="ltr"
            rows={6}
            spellCheck={false}
            className="code-input"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={importing.isPending}>
          {formatMessage(importing.isPending ? { id: 'statistics.import.importing' } : { id: 'statistics.import.submit' })}
        </button>
      </div>

      <div id={resultsId}>
        {nothingToSend && (
          <p className="notice notice--error" role="alert">
            {formatMessage({ id: 'statistics.import.empty' })}
          </p>
        )}
        {importing.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage({ id: 'statistics.import.done' }, { count: importing.data.imported })}
          </p>
        )}
        {importing.isError && <ProblemMessage error={importing.error} />}
        {cells.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${resultsId}-caption`}>
            <table>
              <caption id={`${resultsId}-caption`}>
                {formatMessage({ id: 'statistics.import.errors_caption' }, { count: cells.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{formatMessage({ id: 'statistics.import.line' })}</th>
                  <th scope="col">{formatMessage({ id: 'statistics.import.column' })}</th>
                  <th scope="col">{formatMessage({ id: 'statistics.import.problem' })}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((cell, index) => (
                  <tr key={`${cell.error.pointer}-${index}`}>
                    <td>{cell.line ?? formatMessage({ id: 'statistics.import.whole_file' })}</td>
                    <td>
                      <code dir="ltr">{cell.column ?? formatMessage({ id: 'statistics.import.whole_line' })}</code>
                    </td>
                    <td>{fieldErrorText(cell.error, cellMessage(cell))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </form>
  );
}
