import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';
import { useOpportunities } from '../api/directory';
import { OPPORTUNITY_KIND_MESSAGES } from '../utils/directory-messages';
import { TerritoryFilter } from './territory-filter';

/** Economic opportunities of the territories: sectors and value chains, investments, income-generating activities. */
export function OpportunityList({ territories }: { territories: readonly TerritoryChoice[] | undefined }) {
  const { formatMessage } = useIntl();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => ({ q: search.get('q') || undefined, territoryId: search.get('territoryId') || undefined }), [search]);
  const [q, setQ] = useState(filters.q ?? '');
  const [territoryId, setTerritory] = useState(filters.territoryId ?? '');
  const opportunities = useOpportunities(filters);
  const items = useMemo(() => opportunities.data?.pages.flatMap((page) => page.items) ?? [], [opportunities.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLHeadingElement>(items.length);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (territoryId) params.set('territoryId', territoryId);
    setSearch(params);
  }

  return (
    <>
      <form role="search" className="filters" aria-label={formatMessage({ id: 'directory.opportunities.filters' })} onSubmit={onSubmit}>
        <FormField label={formatMessage({ id: 'directory.filters.q' })}>
          {(control) => <input {...control} type="search" value={q} maxLength={200} onChange={(event) => setQ(event.target.value)} />}
        </FormField>
        <TerritoryFilter territories={territories} value={territoryId} onChange={setTerritory} />
        <div className="filters__actions">
          <button type="submit" className="button">
            {formatMessage({ id: 'directory.filters.apply' })}
          </button>
        </div>
      </form>
      {opportunities.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'directory.opportunities.loading' })}</LoadingMessage>
      ) : opportunities.isError && !opportunities.isFetchNextPageError ? (
        <ProblemMessage error={opportunities.error} onRetry={() => void opportunities.refetch()} />
      ) : (
        <section aria-labelledby="opportunities-results">
          <h2 id="opportunities-results">{formatMessage({ id: 'directory.results.title' })}</h2>
          <p role="status" className="result-count">
            {items.length === 0 ? formatMessage({ id: 'directory.opportunities.empty' }) : formatMessage({ id: 'directory.opportunities.count' }, { count: items.length })}
          </p>
          <ul className="result-list" role="list">
            {items.map((item, index) => (
              <li key={item.id} className="result-list__item">
                <h3 className="result-list__title" tabIndex={-1} ref={itemRef(index)}>
                  {item.title}
                </h3>
                <p className="result-list__meta">
                  {formatMessage(OPPORTUNITY_KIND_MESSAGES[item.kind])} · {formatMessage({ id: 'directory.opportunities.isic' }, { code: item.isicCode })}
                  {item.territoryName ? ` · ${item.territoryName}` : ''}
                </p>
                <p>{item.description}</p>
                {(item.contactName || item.contactEmail || item.contactPhone) && (
                  <p>{formatMessage({ id: 'directory.opportunities.contact' }, { contact: [item.contactName, item.contactEmail, item.contactPhone].filter(Boolean).join(' · ') })}</p>
                )}
              </li>
            ))}
          </ul>
          {opportunities.hasNextPage && (
            <LoadMoreButton
              loading={opportunities.isFetchingNextPage}
              onLoadMore={() => {
                beforeLoad();
                void opportunities.fetchNextPage();
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
