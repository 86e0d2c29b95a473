import { useIntl } from 'react-intl';
import { ProblemMessage } from './problem-message';

interface FormProblemProps {
  /** The failed request, if any. */
  error: unknown;
  /** How many fields show an error next to them (from the browser's check or the server's). */
  fieldErrorCount: number;
}

/** Above a form: "check the N fields marked" when fields are at fault, else what went wrong. */
export function FormProblem({ error, fieldErrorCount }: FormProblemProps) {
  const { formatMessage } = useIntl();
  if (fieldErrorCount > 0) {
    return (
      <p className="notice notice--error" role="alert">
        {formatMessage({ id: 'forms.check_fields' }, { count: fieldErrorCount })}
      </p>
    );
  }
  return error ? <ProblemMessage error={error} /> : null;
}
