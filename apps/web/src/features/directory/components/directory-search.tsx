import '../directory.css';
import { TARGET_GROUPS, TargetGroup, type ServiceSummaryView, type TaxonomyTermView } from '@glocal/contracts';
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadMoreButton, useLoadMoreFocus } from '../../../components/ui/load-more';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';
import { useMapPoints, useServiceSearch, useTaxonomy, type DirectoryFilters } from '../api/directory';
import { TARGET_GROUP_MESSAGES } from '../utils/directory-messages';
import { TerritoryFilter } from './territory-filter';

// The map and its shapes are a chunk of their own, fetched when the reader opens the map.
const ServiceMap = lazy(async () => ({ default: (await import('./service-map')).ServiceMap }));

/** Languages desks and partners most often work in; names come from the browser (CLDR). */
const LANGUAGE_CHOICES = ['fr', 'en', 'it', 'es', 'ar', 'wo', 'nl'] as const;

export function filtersFromSearch(search: URLSearchParams): DirectoryFilters {
  const number = (name: string) => {
    const value = Number(search.get(name) ?? Number.NaN);
    return Number.isFinite(value) ? value : undefined;
  };
  const cost = search.get('cost');
  const eligibility = search.get('eligibility');
  const group = TargetGroup.safeParse(search.get('targetGroup'));
  return {
    q: search.get('q')?.trim() || undefined,
    taxonomyTermId: search.get('taxonomyTermId') || undefined,
    territoryId: search.get('territoryId') || undefined,
    language: search.get('language') || undefined,
    cost: cost === 'free' || cost === 'paid' ? cost : undefined,
    eligibility: eligibility === 'diaspora' || eligibility === 'returnee' ? eligibility : undefined,
    targetGroup: group.success ? group.data : undefined,
    lat: number('lat'),
    lon: number('lon'),
  };
}

function toSearch(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(name, String(value));
  return params;
}

/** Search, filters, results and (on request) the map beside them. Everything lives in the address. */
export function DirectorySearch({ territories }: { territories: readonly TerritoryChoice[] | undefined }) {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const [mapOpen, setMapOpen] = useState(search.get('map') === '1');
  const { formatMessage } = useIntl();
  const apply = (next: DirectoryFilters) => {
    const params = toSearch(next);
    if (mapOpen) params.set('map', '1');
    setSearch(params);
  };

  return (
    <div className={mapOpen ? 'directory directory--with-map' : 'directory'}>
      <DirectoryFiltersForm key={toSearch(filters).toString()} initial={filters} territories={territories} onApply={apply} />
      <div className="directory__map-toggle">
        <button type="button" className="button button--secondary" aria-expanded={mapOpen} aria-controls="directory-map" onClick={() => setMapOpen((open) => !open)}>
          {formatMessage(mapOpen ? { id: 'directory.map.hide' } : { id: 'directory.map.show' })}
        </button>
      </div>
      <DirectoryResults filters={filters} />
      <div id="directory-map" className="directory__map" hidden={!mapOpen}>
        {mapOpen && <DirectoryMap filters={filters} />}
      </div>
    </div>
  );
}

function DirectoryMap({ filters }: { filters: DirectoryFilters }) {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const points = useMapPoints(filters, true);
  if (points.isError) return <ProblemMessage error={points.error} onRetry={() => void points.refetch()} />;
  const loading = <LoadingMessage>{formatMessage({ id: 'directory.map.loading' })}</LoadingMessage>;
  if (!points.data) return loading;
  return (
    <Suspense fallback={loading}>
      <ServiceMap
        points={points.data.points}
        centre={filters.lat !== undefined && filters.lon !== undefined ? { lat: filters.lat, lon: filters.lon } : undefined}
        onSelect={(id) => void navigate(`/directory/services/${id}`)}
      />
    </Suspense>
  );
}

/** Terms grouped under their top-level term, in the reader's language. */
function termGroups(terms: readonly TaxonomyTermView[]) {
  const tops = terms.filter((term) => term.parentId === null);
  return tops.map((top) => ({ top, children: terms.filter((term) => term.parentId === top.id) }));
}

function DirectoryFiltersForm({ initial, territories, onApply }: { initial: DirectoryFilters; territories: readonly TerritoryChoice[] | undefined; onApply: (filters: DirectoryFilters) => void }) {
  const { formatMessage, locale } = useIntl();
  const taxonomy = useTaxonomy();
  const [q, setQ] = useState(initial.q ?? '');
  const [taxonomyTermId, setTerm] = useState(initial.taxonomyTermId ?? '');
  const [territoryId, setTerritory] = useState(initial.territoryId ?? '');
  const [language, setLanguage] = useState(initial.language ?? '');
  const [cost, setCost] = useState(initial.cost ?? '');
  const [eligibility, setEligibility] = useState(initial.eligibility ?? '');
  const [targetGroup, setTargetGroup] = useState(initial.targetGroup ?? '');
  const [near, setNear] = useState(initial.lat !== undefined && initial.lon !== undefined ? { lat: initial.lat, lon: initial.lon } : undefined);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const languageNames = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }), [locale]);

  const current = (): DirectoryFilters => ({
    q: q.trim() || undefined,
    taxonomyTermId: taxonomyTermId || undefined,
    territoryId: territoryId || undefined,
    language: language || undefined,
    cost: cost === 'free' || cost === 'paid' ? cost : undefined,
    eligibility: eligibility === 'diaspora' || eligibility === 'returnee' ? eligibility : undefined,
    targetGroup: TargetGroup.safeParse(targetGroup).success ? (targetGroup as TargetGroup) : undefined,
    lat: near?.lat,
    lon: near?.lon,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(current());
  }
  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const here = { lat: Math.round(position.coords.latitude * 1000) / 1000, lon: Math.round(position.coords.longitude * 1000) / 1000 };
        setNear(here);
        setLocating('idle');
        onApply({ ...current(), lat: here.lat, lon: here.lon });
      },
      () => setLocating('failed'),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }

  return (
    <form role="search" className="filters directory__filters" aria-label={formatMessage({ id: 'directory.filters.label' })} onSubmit={onSubmit}>
      <FormField label={formatMessage({ id: 'directory.filters.q' })} hint={formatMessage({ id: 'directory.filters.q_hint' })}>
        {(control) => <input {...control} type="search" value={q} maxLength={200} onChange={(event) => setQ(event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.filters.taxonomy' })}>
        {(control) => (
          <select {...control} value={taxonomyTermId} onChange={(event) => setTerm(event.target.value)}>
            <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
            {termGroups(taxonomy.data?.items ?? []).map(({ top, children }) => (
              <optgroup key={top.id} label={top.name}>
                <option value={top.id}>{formatMessage({ id: 'directory.filters.all_of' }, { name: top.name })}</option>
                {children.map((term) => (
                  <option key={term.id} value={term.id}>
                    {term.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
      <TerritoryFilter territories={territories} value={territoryId} onChange={setTerritory} />
      <FormField label={formatMessage({ id: 'directory.filters.language' })}>
        {(control) => (
          <select {...control} value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
            {LANGUAGE_CHOICES.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.filters.cost' })}>
        {(control) => (
          <select {...control} value={cost} onChange={(event) => setCost(event.target.value)}>
            <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
            <option value="free">{formatMessage({ id: 'directory.filters.cost_free' })}</option>
            <option value="paid">{formatMessage({ id: 'directory.filters.cost_paid' })}</option>
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.filters.eligibility' })}>
        {(control) => (
          <select {...control} value={eligibility} onChange={(event) => setEligibility(event.target.value)}>
            <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
            <option value="diaspora">{formatMessage({ id: 'directory.filters.eligibility_diaspora' })}</option>
            <option value="returnee">{formatMessage({ id: 'directory.filters.eligibility_returnee' })}</option>
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.filters.target_group' })}>
        {(control) => (
          <select {...control} value={targetGroup} onChange={(event) => setTargetGroup(event.target.value)}>
            <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
            {TARGET_GROUPS.map((group) => (
              <option key={group} value={group}>
                {formatMessage(TARGET_GROUP_MESSAGES[group])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="filters__actions">
        <button type="submit" className="button">
          {formatMessage({ id: 'directory.filters.apply' })}
        </button>
        <button type="button" className="button button--secondary" onClick={locate} aria-busy={locating === 'busy'}>
          {formatMessage(near ? { id: 'directory.filters.near_me_again' } : { id: 'directory.filters.near_me' })}
        </button>
        {near && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNear(undefined);
              onApply({ ...current(), lat: undefined, lon: undefined });
            }}
          >
            {formatMessage({ id: 'directory.filters.near_me_clear' })}
          </button>
        )}
        {locating === 'failed' && <p role="alert">{formatMessage({ id: 'directory.filters.near_me_failed' })}</p>}
      </div>
    </form>
  );
}

function DirectoryResults({ filters }: { filters: DirectoryFilters }) {
  const { formatMessage } = useIntl();
  const results = useServiceSearch(filters);
  const services = useMemo(() => results.data?.pages.flatMap((page) => page.items) ?? [], [results.data]);
  const { itemRef, beforeLoad } = useLoadMoreFocus<HTMLAnchorElement>(services.length);

  if (results.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.results.loading' })}</LoadingMessage>;
  if (results.isError && !results.isFetchNextPageError) return <ProblemMessage error={results.error} onRetry={() => void results.refetch()} />;

  return (
    <section className="directory__results" aria-labelledby="directory-results-title" aria-busy={results.isFetching}>
      <h2 id="directory-results-title">{formatMessage({ id: 'directory.results.title' })}</h2>
      <p role="status" className="result-count">
        {services.length === 0
          ? formatMessage({ id: 'directory.results.empty' })
          : formatMessage(results.hasNextPage ? { id: 'directory.results.count_more' } : { id: 'directory.results.count' }, { count: services.length })}
      </p>
      {services.length > 0 && (
        <ul className="result-list" role="list">
          {services.map((service, index) => (
            <ServiceItem key={service.id} service={service} linkRef={itemRef(index)} />
          ))}
        </ul>
      )}
      {results.hasNextPage && (
        <LoadMoreButton
          loading={results.isFetchingNextPage}
          onLoadMore={() => {
            beforeLoad();
            void results.fetchNextPage();
          }}
        />
      )}
    </section>
  );
}

function ServiceItem({ service, linkRef }: { service: ServiceSummaryView; linkRef: (element: HTMLAnchorElement | null) => void }) {
  const { formatMessage, formatNumber } = useIntl();
  return (
    <li className="result-list__item">
      <Link to={`/directory/services/${service.id}`} className="result-list__title" ref={linkRef}>
        {service.name}
      </Link>
      <p className="result-list__meta">
        {service.organizationName}
        {service.location?.city ? ` · ${service.location.city}` : ''}
        {service.distanceKm !== null ? ` · ${formatMessage({ id: 'directory.results.distance' }, { km: formatNumber(service.distanceKm, { maximumFractionDigits: 1 }) })}` : ''}
      </p>
      {service.terms.length > 0 && (
        <ul className="tag-list" aria-label={formatMessage({ id: 'directory.results.terms' })}>
          {service.terms.map((term) => (
            <li key={term.id} className="tag">
              {term.name}
            </li>
          ))}
        </ul>
      )}
      {service.stale && <p className="notice notice--warning">{formatMessage({ id: 'directory.results.stale' })}</p>}
    </li>
  );
}
