import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { usePartnerships } from '../api/partnerships';
import { PARTNERSHIP_KIND_MESSAGES } from '../utils/partnership-messages';
import { PartnershipPeriod } from './partnership-period';

/** Every partnership of the network, with its kind, period and partners. */
export function PartnershipList() {
  const { formatMessage, locale } = useIntl();
  const partnerships = usePartnerships();
  const items = useMemo(() => partnerships.data?.pages.flatMap((page) => page.items) ?? [], [partnerships.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLAnchorElement>(items.length);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });

  if (partnerships.isPending) return <LoadingMessage>{formatMessage({ id: 'partnerships.list.loading' })}</LoadingMessage>;
  if (partnerships.isError && !partnerships.isFetchNextPageError) {
    return <ProblemMessage error={partnerships.error} onRetry={() => void partnerships.refetch()} />;
  }
  if (items.length === 0) return <p className="notice">{formatMessage({ id: 'partnerships.list.empty' })}</p>;

  return (
    <>
      <ul className="result-list" role="list">
        {items.map((partnership, index) => (
          <li key={partnership.id} className="result-list__item">
            <Link to={`/partnerships/${partnership.id}`} className="result-list__title" ref={itemRef(index)}>
              {partnership.name}
            </Link>
            <span className="result-list__details">
              {formatMessage(PARTNERSHIP_KIND_MESSAGES[partnership.kind])}
              {' · '}
              <PartnershipPeriod partnership={partnership} />
            </span>
            <span className="result-list__details">
              {formatMessage(
                { id: 'partnerships.list.partners' },
                // Each name isolated (FSI…PDI): Latin names inside Arabic text keep their own direction.
                { partners: list.format(partnership.partners.map((partner) => `\u2068${partner.name}\u2069`)) },
              )}
            </span>
          </li>
        ))}
      </ul>
      {partnerships.hasNextPage && (
        <LoadMoreButton
          loading={partnerships.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void partnerships.fetchNextPage();
          }}
        />
      )}
      {partnerships.isFetchNextPageError && <ProblemMessage error={partnerships.error} />}
    </>
  );
}
