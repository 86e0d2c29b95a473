import { useIntl } from 'react-intl';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useErasureState, useRequestErasure } from '../api/my-requests';
import { ERASURE_STATUS_MESSAGES } from '../utils/my-request-messages';

/** Download everything held about oneself, and ask for it to be erased. */
export function MyData() {
  const { formatMessage, formatDate } = useIntl();
  const state = useErasureState();
  const ask = useRequestErasure();
  const request = state.data?.request ?? null;
  return (
    <section className="page-section" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{formatMessage({ id: 'my_requests.data.title' })}</h2>
      <p>{formatMessage({ id: 'my_requests.data.explain' })}</p>
      <ul className="link-list">
        <li>
          <a href="/api/v1/me/requests/export.json" download="my-data.json">
            {formatMessage({ id: 'my_requests.data.json' })}
          </a>
        </li>
        <li>
          <a href="/api/v1/me/requests/export.html" target="_blank" rel="noopener">
            {formatMessage({ id: 'my_requests.data.html' })}
          </a>
        </li>
      </ul>
      <h3>{formatMessage({ id: 'my_requests.erasure.title' })}</h3>
      {request ? (
        <p className="notice" role="status">
          {formatMessage(ERASURE_STATUS_MESSAGES[request.status]!, { date: formatDate(request.requestedAt, { dateStyle: 'medium' }) })}
          {request.retainedReason ? ` ${formatMessage({ id: 'my_requests.erasure.reason' }, { reason: request.retainedReason })}` : ''}
        </p>
      ) : (
        <p>{formatMessage({ id: 'my_requests.erasure.explain' })}</p>
      )}
      {ask.isError && <ProblemMessage error={ask.error} />}
      {(!request || request.status !== 'pending') && (
        <button type="button" className="button button--danger" disabled={ask.isPending} onClick={() => ask.mutate()}>
          {formatMessage({ id: 'my_requests.erasure.ask' })}
        </button>
      )}
    </section>
  );
}
