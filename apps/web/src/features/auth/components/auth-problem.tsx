import type { Ref } from 'react';
import { useIntl } from 'react-intl';
import { ApiProblem, errorCodeOf } from '../../../lib/api-problem';

/** Seconds to wait before trying again, from the problem's params (the server also sends `Retry-After`). */
export function retryAfterSeconds(error: unknown): number | undefined {
  const seconds = error instanceof ApiProblem ? error.problem?.params?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

interface AuthProblemProps {
  error: unknown;
  ref?: Ref<HTMLDivElement>;
}

/**
 * What went wrong with a form as a whole, in the reader's language: "too many attempts, try again
 * in N minutes" when throttled, else the problem code's message. Announced as soon as it appears.
 */
export function AuthProblem({ error, ref }: AuthProblemProps) {
  const { formatMessage } = useIntl();
  const seconds = retryAfterSeconds(error);
  const code = errorCodeOf(error);
  const text =
    code === 'rate_limited' && seconds !== undefined
      ? formatMessage({ id: 'auth.too_many_attempts' }, { minutes: Math.ceil(seconds / 60) })
      : formatMessage({ id: `errors.${code}` });
  return (
    <div ref={ref} className="notice notice--error" role="alert" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}
