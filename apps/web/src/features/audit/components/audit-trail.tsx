import type { AuditEventView } from '@glocal/contracts';
import { useMemo, type ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useAuditEvents } from '../api/audit-events';
import { exportHref, filtersFromSearch, searchFromFilters, type AuditFilters } from '../utils/audit-filters';
import { AuditFiltersForm } from './audit-filters-form';

const OUTCOME_MESSAGES: Record<AuditEventView['outcome'], MessageDescriptor> = {
  success: { id: 'audit.outcome.success' },
  denied: { id: 'audit.outcome.denied' },
  failure: { id: 'audit.outcome.failure' },
};

/** The data protection officer's search of the audit trail: filters in the address, newest first. */
export function AuditTrail() {
  const { formatMessage } = useIntl();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);

  return (
    <>
      <AuditFiltersForm key={search.toString()} initial={filters} onApply={(next) => setSearch(searchFromFilters(next))} />
      <p>
        {/* A plain link: the browser downloads the file with the session cookie. */}
        <a href={exportHref(filters)} download className="button button--secondary">
          {formatMessage({ id: 'audit.export' })}
        </a>
      </p>
      <AuditResults filters={filters} />
    </>
  );
}

/** A link to this page with one more filter set, keeping the others. */
function filterLink(filters: AuditFilters, change: Partial<AuditFilters>): string {
  return `/audit?${searchFromFilters({ ...filters, ...change }).toString()}`;
}

/** A value in the table that narrows the search to it; screen readers hear what following it does. */
function FilterLink({ to, children }: { to: string; children: ReactNode }) {
  const { formatMessage } = useIntl();
  return (
    <Link to={to}>
      {children}{' '}
      <span className="visually-hidden">{formatMessage({ id: 'audit.table.filter_hint' })}</span>
    </Link>
  );
}

/** What else the entry records (fields changed, e-mail used, address, request), folded away. */
function EventDetails({ event }: { event: AuditEventView }) {
  const { formatMessage } = useIntl();
  const record = {
    ...event.details,
    ...(event.ip ? { ip: event.ip } : {}),
    ...(event.requestId ? { requestId: event.requestId } : {}),
  };
  if (Object.keys(record).length === 0) return <span className="muted">{formatMessage({ id: 'audit.table.no_details' })}</span>;
  return (
    <details className="audit-details">
      <summary>{formatMessage({ id: 'audit.table.show_details' }, { seq: event.seq })}</summary>
      <pre dir="ltr">{JSON.stringify(record, null, 2)}</pre>
    </details>
  );
}

function AuditResults({ filters }: { filters: AuditFilters }) {
  const { formatMessage, formatDate } = useIntl();
  const events = useAuditEvents(filters);
  const rows = useMemo(() => events.data?.pages.flatMap((page) => page.items) ?? [], [events.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLTableRowElement>(rows.length);

  if (events.isPending) return <LoadingMessage>{formatMessage({ id: 'audit.loading' })}</LoadingMessage>;
  if (events.isError && !events.isFetchNextPageError) return <ProblemMessage error={events.error} onRetry={() => void events.refetch()} />;

  return (
    <section aria-labelledby="audit-results-title" aria-busy={events.isFetching}>
      <h2 id="audit-results-title">{formatMessage({ id: 'audit.results' })}</h2>
      <p role="status" className="result-count">
        {rows.length === 0
          ? formatMessage({ id: 'audit.empty' })
          : formatMessage(events.hasNextPage ? { id: 'audit.count_more' } : { id: 'audit.count' }, { count: rows.length })}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-results-title">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{formatMessage({ id: 'audit.table.time' })}</th>
                <th scope="col">{formatMessage({ id: 'audit.table.actor' })}</th>
                <th scope="col">{formatMessage({ id: 'audit.table.action' })}</th>
                <th scope="col">{formatMessage({ id: 'audit.table.outcome' })}</th>
                <th scope="col">{formatMessage({ id: 'audit.table.subject' })}</th>
                <th scope="col">{formatMessage({ id: 'audit.table.details' })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((event, index) => (
                // Focusable only for "load more" to land on the first new row.
                <tr key={event.seq} ref={itemRef(index)} tabIndex={-1}>
                  <td>
                    <time dateTime={event.occurredAt}>{formatDate(event.occurredAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                  </td>
                  <td>
                    {event.actorUserId ? (
                      <FilterLink to={filterLink(filters, { actorUserId: event.actorUserId })}>
                        <bdi>{event.actorLabel}</bdi>
                      </FilterLink>
                    ) : (
                      <bdi>{event.actorLabel}</bdi>
                    )}
                  </td>
                  <td>
                    <FilterLink to={filterLink(filters, { action: event.action })}>
                      <code dir="ltr">{event.action}</code>
                    </FilterLink>
                  </td>
                  <td>
                    <span className={`outcome outcome--${event.outcome}`}>{formatMessage(OUTCOME_MESSAGES[event.outcome])}</span>
                  </td>
                  <td>
                    {event.subjectType ? (
                      <FilterLink to={filterLink(filters, { subjectType: event.subjectType, subjectId: event.subjectId ?? '' })}>
                        <code dir="ltr">
                          {event.subjectType}
                          {event.subjectId ? ` ${event.subjectId}` : ''}
                        </code>
                      </FilterLink>
                    ) : (
                      <span className="muted">{formatMessage({ id: 'audit.table.no_subject' })}</span>
                    )}
                  </td>
                  <td>
                    <EventDetails event={event} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.hasNextPage && (
        <LoadMoreButton
          loading={events.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void events.fetchNextPage();
          }}
        />
      )}
      {events.isFetchNextPageError && <ProblemMessage error={events.error} />}
    </section>
  );
}
