import { ORGANISATION_TYPES, OrganisationType } from '@glocal/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { TerritorySelect } from '../../territories/components/territory-select';
import { useOrganisationDirectory, type OrganisationFilters } from '../api/get-organisations';
import { ORGANISATION_TYPE_MESSAGES } from '../utils/organisation-messages';
import { territoryById, type TerritoryOption } from '../utils/territory-lookup';

interface OrganisationDirectoryProps {
  /** For the territory filter and to name each organisation's home; may still be loading. */
  territories: readonly TerritoryOption[] | undefined;
}

/** Reads the filters from the address, so they survive a reload and the back button restores them. */
export function filtersFromSearch(search: URLSearchParams): OrganisationFilters {
  const type = OrganisationType.safeParse(search.get('type'));
  return {
    type: type.success ? type.data : undefined,
    territoryId: search.get('territoryId') || undefined,
    q: search.get('q')?.trim() || undefined,
  };
}

/** The organisations of the network: filter by type, territory and name; more on request. */
export function OrganisationDirectory({ territories }: OrganisationDirectoryProps) {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);

  function applyFilters(next: OrganisationFilters) {
    const params = new URLSearchParams();
    if (next.type) params.set('type', next.type);
    if (next.territoryId) params.set('territoryId', next.territoryId);
    if (next.q) params.set('q', next.q);
    setSearch(params);
  }

  return (
    <>
      {/* Remounted when the address changes (back button), so the fields show the filters in force. */}
      <DirectoryFilters key={search.toString()} initial={filters} territories={territories} onApply={applyFilters} />
      <DirectoryResults filters={filters} territories={territories} />
    </>
  );
}

interface DirectoryFiltersProps {
  initial: OrganisationFilters;
  territories: readonly TerritoryOption[] | undefined;
  onApply: (filters: OrganisationFilters) => void;
}

function DirectoryFilters({ initial, territories, onApply }: DirectoryFiltersProps) {
  const { formatMessage, locale } = useIntl();
  const [type, setType] = useState<string>(initial.type ?? '');
  const [territoryId, setTerritoryId] = useState(initial.territoryId ?? '');
  const [q, setQ] = useState(initial.q ?? '');
  const sortedTypes = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return ORGANISATION_TYPES.map((value) => ({ value, label: formatMessage(ORGANISATION_TYPE_MESSAGES[value]) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [formatMessage, locale]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsedType = OrganisationType.safeParse(type);
    onApply({ type: parsedType.success ? parsedType.data : undefined, territoryId: territoryId || undefined, q: q.trim() || undefined });
  }

  return (
    <form role="search" className="filters" aria-label={formatMessage({ id: 'organisations.directory.filters' })} onSubmit={onSubmit}>
      <FormField label={formatMessage({ id: 'organisations.directory.name' })}>
        {(control) => <input {...control} type="search" value={q} maxLength={100} onChange={(event) => setQ(event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'organisations.directory.type' })}>
        {(control) => (
          <select {...control} value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{formatMessage({ id: 'organisations.directory.any_type' })}</option>
            {sortedTypes.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TerritorySelect
        territories={territories}
        value={territoryId}
        onChange={setTerritoryId}
        label={formatMessage({ id: 'organisations.directory.territory' })}
        noneLabel={formatMessage({ id: 'organisations.directory.any_territory' })}
      />
      <div className="filters__actions">
        <button type="submit" className="button">
          {formatMessage({ id: 'organisations.directory.apply' })}
        </button>
      </div>
    </form>
  );
}

function DirectoryResults({ filters, territories }: { filters: OrganisationFilters; territories: readonly TerritoryOption[] | undefined }) {
  const { formatMessage } = useIntl();
  const directory = useOrganisationDirectory(filters);
  const names = useMemo(() => territoryById(territories), [territories]);
  const organisations = useMemo(() => directory.data?.pages.flatMap((page) => page.items) ?? [], [directory.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLAnchorElement>(organisations.length);

  if (directory.isPending) {
    return <LoadingMessage>{formatMessage({ id: 'organisations.directory.loading' })}</LoadingMessage>;
  }
  // A failed "load more" keeps the entries already shown; only a failed first page replaces them.
  if (directory.isError && !directory.isFetchNextPageError) {
    return <ProblemMessage error={directory.error} onRetry={() => void directory.refetch()} />;
  }

  return (
    <section aria-labelledby="directory-results-title" aria-busy={directory.isFetching}>
      <h2 id="directory-results-title">{formatMessage({ id: 'organisations.directory.results' })}</h2>
      <p role="status" className="result-count">
        {organisations.length === 0
          ? formatMessage({ id: 'organisations.directory.empty' })
          : formatMessage(
              directory.hasNextPage ? { id: 'organisations.directory.count_more' } : { id: 'organisations.directory.count' },
              { count: organisations.length },
            )}
      </p>
      {organisations.length > 0 && (
        <ul className="result-list" role="list">
          {organisations.map((organisation, index) => {
            const home = names.get(organisation.homeTerritoryId);
            return (
              <li key={organisation.id} className="result-list__item">
                <Link
                  to={`/organisations/${organisation.id}`}
                  className="result-list__title"
                  ref={itemRef(index)}
                >
                  {organisation.name}
                </Link>
                <span className="result-list__details">
                  {formatMessage(ORGANISATION_TYPE_MESSAGES[organisation.type])}
                  {home && (
                    <>
                      {' · '}
                      <span lang={home.nameLocale}>{home.name}</span>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {directory.hasNextPage && (
        <LoadMoreButton
          loading={directory.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void directory.fetchNextPage();
          }}
        />
      )}
      {directory.isFetchNextPageError && <ProblemMessage error={directory.error} />}
    </section>
  );
}
