import { useIntl } from 'react-intl';
import { errorCodeOf } from '../../lib/api-problem';

interface ProblemMessageProps {
  error: unknown;
  onRetry?: () => void;
}

/** Says in the reader's language what went wrong, from the problem's code, never its English title. */
export function ProblemMessage({ error, onRetry }: ProblemMessageProps) {
  const { formatMessage } = useIntl();
  return (
    <div className="notice notice--error" role="alert">
      <p>{formatMessage({ id: `errors.${errorCodeOf(error)}` })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {formatMessage({ id: 'common.retry' })}
        </button>
      )}
    </div>
  );
}
