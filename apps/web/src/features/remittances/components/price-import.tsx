import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useImportPrices } from '../api/remittances';
import { ImportControls } from './import-controls';
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
      <ImportControls id={id} validOnly={validOnly} onValidOnlyChange={setValidOnly} submit={{ id: 'remittances.import.submit' }} pending={importing.isPending} progress={progress} />
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
