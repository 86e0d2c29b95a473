import type { RequestKind } from '@glocal/contracts/intake-form';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useMyRequests } from '../api/my-requests';
import { STAGE_MESSAGES, STATUS_MESSAGES } from '../utils/my-request-messages';
import { LinkRequestForm } from './link-request-form';
import { MyData } from './my-data';

/** The person's requests at the desks, the way to add one by its reference, and their data. */
export function MyRequestsOverview() {
  const { formatMessage } = useIntl();
  const requests = useMyRequests();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'my_requests.title' })}</PageHeading>
      {requests.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : requests.isError ? (
        <ProblemMessage error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <p className="lead">{formatMessage({ id: 'my_requests.none' })}</p>
      ) : (
        <ul className="result-list">
          {requests.data.items.map((request) => (
            <li key={request.id} className="result-list__item">
              <Link className="result-list__title" to={`/my-requests/${request.id}`}>
                {formatMessage({ id: 'my_requests.item_title' }, { kind: formatMessage({ id: `intake.kind.${request.requestKind as RequestKind}` }), reference: request.reference })}
              </Link>
              <p className="result-list__details">
                {formatMessage(STATUS_MESSAGES[request.status]!)}
                {request.stage && STAGE_MESSAGES[request.stage] ? ` · ${formatMessage(STAGE_MESSAGES[request.stage]!)}` : ''}
                {' · '}
                {request.deskName}
                {request.unreadMessages > 0 && ` · ${formatMessage({ id: 'my_requests.unread' }, { count: request.unreadMessages })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LinkRequestForm />
      {(requests.data?.items.length ?? 0) > 0 && <MyData />}
    </>
  );
}
