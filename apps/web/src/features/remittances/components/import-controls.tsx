import { useIntl, type MessageDescriptor } from 'react-intl';

interface ImportControlsProps {
  /** The form's `useId()`, so the checkbox and the progress bar have ids of their own. */
  id: string;
  validOnly: boolean;
  onValidOnlyChange: (validOnly: boolean) => void;
  submit: MessageDescriptor;
  pending: boolean;
  /** Share of the file sent; null once sent (the server checks the rows). */
  progress: number | null;
}

/** The end of an import form, shared by the price and rate imports: "valid rows only", submit, and the progress bar while it runs. */
export function ImportControls({ id, validOnly, onValidOnlyChange, submit, pending, progress }: ImportControlsProps) {
  const { formatMessage } = useIntl();
  return (
    <>
      <div className="checkbox-field">
        <input id={`${id}-valid-only`} type="checkbox" checked={validOnly} onChange={(event) => onValidOnlyChange(event.target.checked)} />
        <label htmlFor={`${id}-valid-only`}>{formatMessage({ id: 'remittances.import.valid_only' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={pending}>
          {formatMessage(pending ? { id: 'remittances.import.importing' } : submit)}
        </button>
      </div>
      {pending && (
        <div className="import-progress">
          <label htmlFor={`${id}-progress`}>
            {formatMessage(progress === null ? { id: 'remittances.import.checking' } : { id: 'remittances.import.uploading' })}
          </label>
          {/* Without a value the bar is indeterminate: the server is checking the rows. */}
          <progress id={`${id}-progress`} max={1} {...(progress === null ? {} : { value: progress })} />
        </div>
      )}
    </>
  );
}
