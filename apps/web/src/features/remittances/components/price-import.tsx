import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useImportPrices } from '../api/remittances';
import { ImportRowErrors, importMissingColumns, importRowErrors } from './import-row-errors';

/** Territory officers import RPW's dataset or a desk survey; a progress bar while it uploads, then a per-row report. */
export function PriceImport() {
  const { formatMessage } = useIntl();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'rpw' | 'survey'>('rpw');
  const [validOnly, setValidOnly] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [noFile, setNoFile] = useState(false);
  const importing = useImportPrices(setProgress);
  const id = useId();

  // A refused file lists its bad rows in the problem; a partial import, in its report.
  const rowErrors = importRowErrors(importing.data, importing.error);
  const missingColumns = importMissingColumns(importing.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (importing.isPending) return;
    if (!file) {
      setNoFile(true);
      return;
    }
    setNoFile(false);
    setProgress(0);
    importing.mutate({ csv: await file.text(), format, validOnly, fileName: file.name });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)}>
      <p>{formatMessage({ id: 'remittances.import.intro' })}</p>
      <FormField label={formatMessage({ id: 'remittances.import.format' })}>
        {(control) => (
          <select {...control} value={format} onChange={(event) => setFormat(event.target.value as 'rpw' | 'survey')}>
            <option value="rpw">{formatMessage({ id: 'remittances.import.format_rpw' })}</option>
            <option value="survey">{formatMessage({ id: 'remittances.import.format_survey' })}</option>
          </select>
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'remittances.import.file' })}
        hint={formatMessage({ id: 'remittances.import.file_hint' })}
        error={noFile ? { pointer: '', code: 'invalid_type' } : undefined}
      >
        {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      <div className="checkbox-field">
        <input id={`${id}-valid-only`} type="checkbox" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} />
        <label htmlFor={`${id}-valid-only`}>{formatMessage({ id: 'remittances.import.valid_only' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={importing.isPending}>
          {formatMessage(importing.isPending ? { id: 'remittances.import.importing' } : { id: 'remittances.import.submit' })}
        </button>
      </div>
      {importing.isPending && (
        <div className="import-progress">
          <label htmlFor={`${id}-progress`}>
            {formatMessage(progress === null ? { id: 'remittances.import.checking' } : { id: 'remittances.import.uploading' })}
          </label>
          {/* Without a value the bar is indeterminate: the server is checking the rows. */}
          <progress id={`${id}-progress`} max={1} {...(progress === null ? {} : { value: progress })} />
        </div>
      )}
      <div aria-live="polite">
        {importing.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage(
              { id: 'remittances.import.done' },
              { rows: importing.data.rowsTotal, imported: importing.data.rowsImported, unchanged: importing.data.rowsUnchanged, rejected: importing.data.rowsRejected },
            )}
          </p>
        )}
        {importing.isError && <ProblemMessage error={importing.error} />}
        {missingColumns.length > 0 && <p>{formatMessage({ id: 'remittances.import.missing_columns' }, { columns: missingColumns.join(', ') })}</p>}
        <ImportRowErrors errors={rowErrors} />
      </div>
    </form>
  );
}
