import { useId, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { errorCodeOf } from '../../../lib/api-problem';
import { useImportReferenceRates } from '../api/remittances';
import { ImportControls } from './import-controls';
import { ImportRowErrors, importMissingColumns, importRowErrors } from './import-row-errors';

/** Problems with the file as a whole, said next to the file field rather than above the form. */
const FILE_PROBLEMS: Record<string, MessageDescriptor> = {
  'remittance.import_empty': { id: 'errors.remittance.import_empty' },
  'remittance.import_columns': { id: 'errors.remittance.import_columns' },
};

/**
 * Territory officers import reference (mid-market) exchange rates, which the corridor statistics,
 * savings and alerts read: a progress bar while the file uploads, then what was stored, replaced or
 * unchanged, and each refused row.
 */
export function ReferenceRateImport() {
  const { formatMessage } = useIntl();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [noFile, setNoFile] = useState(false);
  const importing = useImportReferenceRates(setProgress);
  const id = useId();

  const rowErrors = importRowErrors(importing.data, importing.error);
  const missingColumns = importMissingColumns(importing.error);
  const fileProblem = importing.isError ? FILE_PROBLEMS[errorCodeOf(importing.error)] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (importing.isPending) return;
    if (!file) {
      setNoFile(true);
      return;
    }
    setNoFile(false);
    setProgress(0);
    importing.mutate({ csv: await file.text(), validOnly, fileName: file.name });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)}>
      <p>{formatMessage({ id: 'remittances.rates_import.intro' })}</p>
      <FormField
        label={formatMessage({ id: 'remittances.rates_import.file' })}
        hint={formatMessage({ id: 'remittances.rates_import.file_hint' })}
        error={noFile ? { pointer: '', code: 'invalid_type' } : fileProblem ? { pointer: '', code: 'invalid' } : undefined}
        errorMessage={noFile ? undefined : fileProblem}
      >
        {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
      </FormField>
      <ImportControls id={id} validOnly={validOnly} onValidOnlyChange={setValidOnly} submit={{ id: 'remittances.rates_import.submit' }} pending={importing.isPending} progress={progress} />
      <div aria-live="polite">
        {importing.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage(
              { id: 'remittances.rates_import.done' },
              {
                rows: importing.data.rowsTotal,
                imported: importing.data.rowsImported,
                updated: importing.data.rowsUpdated,
                unchanged: importing.data.rowsUnchanged,
                rejected: importing.data.rowsRejected,
              },
            )}
          </p>
        )}
        {importing.isError && !fileProblem && <ProblemMessage error={importing.error} />}
        {missingColumns.length > 0 && <p>{formatMessage({ id: 'remittances.import.missing_columns' }, { columns: missingColumns.join(', ') })}</p>}
        <ImportRowErrors errors={rowErrors} />
      </div>
    </form>
  );
}
