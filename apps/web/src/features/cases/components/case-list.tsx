import { BUSINESS_STAGES, CASE_PRIORITIES, type CaseSummaryView } from '@glocal/contracts';
import { REQUEST_KINDS } from '@glocal/contracts/intake-form';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useCaseList, type CaseFilters } from '../api/cases';
import { PRIORITY_MESSAGES, REQUEST_KIND_MESSAGES, STAGE_MESSAGES, STATUS_MESSAGES } from '../utils/case-messages';

const FILTER_NAMES = ['scope', 'status', 'stage', 'requestKind', 'priority', 'tag', 'q'] as const;
const STATUS_FILTERS = ['open', 'new', 'active', 'waiting', 'closed', 'all'] as const;

/** The filters live in the address, so a reload or the back button keeps them. */
export function caseFiltersFromSearch(search: URLSearchParams): CaseFilters {
  const filters: CaseFilters = {};
  for (const name of FILTER_NAMES) {
    const value = search.get(name)?.trim();
    if (value) (filters as Record<string, string>)[name] = value;
  }
  return filters;
}

/** "My cases": the cases of my desks (or only those assigned to me), filtered and searched. */
export function CaseList() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => caseFiltersFromSearch(search), [search]);
  function apply(next: CaseFilters) {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) params.set(name, next[name]!);
    setSearch(params);
  }
  return (
    <>
      <CaseFilterForm key={search.toString()} initial={filters} onApply={apply} />
      <CaseResults filters={filters} />
    </>
  );
}

function CaseFilterForm({ initial, onApply }: { initial: CaseFilters; onApply: (filters: CaseFilters) => void }) {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = useState<CaseFilters>(initial);
  const set = (name: keyof CaseFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value || undefined });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, q: draft.q?.trim() || undefined, tag: draft.tag?.trim() || undefined });
  }
  return (
    <form role="search" className="filters" aria-label={formatMessage({ id: 'cases.list.filters' })} onSubmit={onSubmit}>
      <FormField label={formatMessage({ id: 'cases.list.search' })} hint={formatMessage({ id: 'cases.list.search_hint' })}>
        {(control) => <input {...control} type="search" value={draft.q ?? ''} maxLength={100} onChange={set('q')} />}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.scope' })}>
        {(control) => (
          <select {...control} value={draft.scope ?? 'desk'} onChange={set('scope')}>
            <option value="desk">{formatMessage({ id: 'cases.list.scope_desk' })}</option>
            <option value="mine">{formatMessage({ id: 'cases.list.scope_mine' })}</option>
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.status' })}>
        {(control) => (
          <select {...control} value={draft.status ?? 'open'} onChange={set('status')}>
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {status === 'open'
                  ? formatMessage({ id: 'cases.list.status_open' })
                  : status === 'all'
                    ? formatMessage({ id: 'cases.list.status_all' })
                    : formatMessage(STATUS_MESSAGES[status])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.stage' })}>
        {(control) => (
          <select {...control} value={draft.stage ?? ''} onChange={set('stage')}>
            <option value="">{formatMessage({ id: 'cases.list.any' })}</option>
            {BUSINESS_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {formatMessage(STAGE_MESSAGES[stage])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.kind' })}>
        {(control) => (
          <select {...control} value={draft.requestKind ?? ''} onChange={set('requestKind')}>
            <option value="">{formatMessage({ id: 'cases.list.any' })}</option>
            {REQUEST_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {formatMessage(REQUEST_KIND_MESSAGES[kind])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.priority' })}>
        {(control) => (
          <select {...control} value={draft.priority ?? ''} onChange={set('priority')}>
            <option value="">{formatMessage({ id: 'cases.list.any' })}</option>
            {CASE_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {formatMessage(PRIORITY_MESSAGES[priority])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.list.tag' })}>
        {(control) => <input {...control} value={draft.tag ?? ''} maxLength={40} onChange={set('tag')} />}
      </FormField>
      <div className="filters__actions">
        <button type="submit" className="button">
          {formatMessage({ id: 'cases.list.apply' })}
        </button>
      </div>
    </form>
  );
}

function CaseResults({ filters }: { filters: CaseFilters }) {
  const { formatMessage } = useIntl();
  const list = useCaseList(filters);
  const cases = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLAnchorElement>(cases.length);
  if (list.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.list.loading' })}</LoadingMessage>;
  if (list.isError && !list.isFetchNextPageError) return <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <section aria-labelledby="case-results-title" aria-busy={list.isFetching}>
      <h2 id="case-results-title">{formatMessage({ id: 'cases.list.results' })}</h2>
      <p role="status" className="result-count">
        {cases.length === 0
          ? formatMessage({ id: 'cases.list.empty' })
          : formatMessage(list.hasNextPage ? { id: 'cases.list.count_more' } : { id: 'cases.list.count' }, { count: cases.length })}
      </p>
      {cases.length > 0 && (
        <ul className="result-list" role="list">
          {cases.map((item, index) => (
            <li key={item.id} className="result-list__item">
              <Link to={`/cases/${item.id}`} className="result-list__title" ref={itemRef(index)}>
                {formatMessage({ id: 'cases.list.item_title' }, { name: item.personName, reference: item.reference })}
              </Link>
              <CaseFacts item={item} />
            </li>
          ))}
        </ul>
      )}
      {list.isFetchNextPageError && <ProblemMessage error={list.error} />}
      {list.hasNextPage && (
        <LoadMoreButton
          loading={list.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void list.fetchNextPage();
          }}
        />
      )}
    </section>
  );
}

/** A case's status, stage, priority, coach and desk, in one line of facts. */
export function CaseFacts({ item }: { item: CaseSummaryView }) {
  const { formatMessage } = useIntl();
  const facts = [
    formatMessage(STATUS_MESSAGES[item.status]),
    formatMessage(REQUEST_KIND_MESSAGES[item.requestKind]),
    item.stage ? formatMessage(STAGE_MESSAGES[item.stage]) : null,
    item.priority !== 'normal' ? formatMessage(PRIORITY_MESSAGES[item.priority]) : null,
    item.assignedCoach ? formatMessage({ id: 'cases.list.coach' }, { name: item.assignedCoach.displayName }) : formatMessage({ id: 'cases.list.unassigned' }),
    item.access === 'shared' ? formatMessage({ id: 'cases.list.shared' }, { desk: item.deskName }) : item.deskName,
    ...item.tags.map((tag) => `#${tag}`),
  ].filter((fact): fact is string => fact !== null);
  return <p className="result-list__details">{facts.join(' · ')}</p>;
}
