import type { ReviewItemView } from '@glocal/contracts';
import { useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useSession } from '../../../lib/session';
import { useMarkServiceVerified, useReviewQueue } from '../api/directory';

const servicePath = (id: string) => `/directory/services/${encodeURIComponent(id)}`;

/**
 * Desk staff's and officers' (and owners') list of services to check: not verified for 12 months,
 * or flagged, with why; each opens, is edited, or is marked verified here (it then leaves the list).
 */
export function ReviewQueue() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  const queue = useReviewQueue();
  const [verified, setVerified] = useState<ReviewItemView | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const notice = useRef<HTMLDivElement>(null);
  const items = useMemo(() => (queue.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => !done.has(item.id)), [queue.data, done]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLAnchorElement>(items.length);

  function onVerified(item: ReviewItemView) {
    setDone((current) => new Set(current).add(item.id));
    setVerified(item);
    // The row and its buttons are gone: carry the focus to what happened.
    requestAnimationFrame(() => notice.current?.focus());
  }

  if (queue.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.review_queue.loading' })}</LoadingMessage>;
  if (queue.isError && !queue.isFetchNextPageError) return <ProblemMessage error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <>
      <div ref={notice} tabIndex={-1}>
        <p role="status" className={verified ? 'notice notice--success' : 'visually-hidden'}>
          {verified ? formatMessage({ id: 'directory.review_queue.verified' }, { name: verified.name }) : null}
        </p>
      </div>
      <p className="result-count">
        {items.length === 0
          ? formatMessage({ id: 'directory.review_queue.empty' })
          : formatMessage(queue.hasNextPage ? { id: 'directory.review_queue.count_more' } : { id: 'directory.review_queue.count' }, { count: items.length })}
      </p>
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{formatMessage({ id: 'directory.review_queue.title' })}</caption>
          <thead>
            <tr>
              <th scope="col">{formatMessage({ id: 'directory.review_queue.service' })}</th>
              <th scope="col">{formatMessage({ id: 'directory.review_queue.organisation' })}</th>
              <th scope="col">{formatMessage({ id: 'directory.review_queue.last_verified' })}</th>
              <th scope="col">{formatMessage({ id: 'directory.review_queue.why' })}</th>
              <th scope="col">{formatMessage({ id: 'directory.review_queue.actions' })}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <ReviewRow key={item.id} item={item} canEdit={can('directory:edit')} linkRef={itemRef(index)} onVerified={() => onVerified(item)} />
            ))}
          </tbody>
        </table>
      )}
      {queue.isFetchNextPageError && <ProblemMessage error={queue.error} />}
      {queue.hasNextPage && (
        <LoadMoreButton
          loading={queue.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void queue.fetchNextPage();
          }}
        />
      )}
    </>
  );
}

interface ReviewRowProps {
  item: ReviewItemView;
  canEdit: boolean;
  linkRef: (element: HTMLAnchorElement | null) => void;
  onVerified: () => void;
}

function ReviewRow({ item, canEdit, linkRef, onVerified }: ReviewRowProps) {
  const { formatMessage, formatDate } = useIntl();
  const verify = useMarkServiceVerified();
  return (
    <tr>
      <th scope="row">
        <Link to={servicePath(item.id)} ref={linkRef}>
          {item.name}
        </Link>
      </th>
      <td>{item.organizationName}</td>
      <td>{item.lastVerified ? formatDate(new Date(`${item.lastVerified}T12:00:00Z`), { dateStyle: 'medium' }) : formatMessage({ id: 'directory.review_queue.never' })}</td>
      <td>
        <ul className="link-list">
          {item.stale && <li>{formatMessage({ id: 'directory.review_queue.stale' })}</li>}
          {item.flagReasons.map((reason, index) => (
            <li key={index}>{formatMessage({ id: 'directory.review_queue.flagged' }, { reason })}</li>
          ))}
        </ul>
      </td>
      <td>
        {canEdit && (
          <div className="inline-actions">
            <button
              type="button"
              className="button"
              aria-label={formatMessage({ id: 'directory.review_queue.verify_named' }, { name: item.name })}
              aria-disabled={verify.isPending || undefined}
              onClick={() => !verify.isPending && verify.mutate(item.id, { onSuccess: onVerified })}
            >
              {formatMessage({ id: 'directory.review_queue.verify' })}
            </button>
            <Link className="button button--secondary" to={`${servicePath(item.id)}/edit`} aria-label={formatMessage({ id: 'directory.review_queue.edit_named' }, { name: item.name })}>
              {formatMessage({ id: 'directory.review_queue.edit' })}
            </Link>
          </div>
        )}
        {verify.isError && <ProblemMessage error={verify.error} />}
      </td>
    </tr>
  );
}
