import {
  FlagView,
  HsdsImportReport,
  MapPointsView,
  OpportunityList,
  Problem,
  ServiceDetailView,
  ServiceSearchResult,
  TaxonomyTermList,
  type HsdsImportBody,
  type Locale,
  type OpportunityKind,
  type TargetGroup,
} from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';
import { CSRF_HEADER, csrfToken } from '../../../lib/session';

export const RESULTS_PAGE_SIZE = 20;

/** What the reader asked for; every field optional, kept in the address. */
export interface DirectoryFilters {
  q?: string | undefined;
  taxonomyTermId?: string | undefined;
  territoryId?: string | undefined;
  language?: string | undefined;
  cost?: 'free' | 'paid' | undefined;
  eligibility?: 'diaspora' | 'returnee' | undefined;
  targetGroup?: TargetGroup | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
}

const query = (filters: DirectoryFilters, locale: Locale) => ({ ...filters, locale });

export function useServiceSearch(filters: DirectoryFilters) {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['directory', 'services', filters, locale],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/directory/services', { schema: ServiceSearchResult, locale, query: { ...query(filters, locale), limit: RESULTS_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every matching point, for the map (fetched only once the map is open). */
export function useMapPoints(filters: DirectoryFilters, enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['directory', 'map-points', filters, locale],
    queryFn: ({ signal }) => apiGet('/api/v1/directory/map-points', { schema: MapPointsView, locale, query: query(filters, locale), signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useService(serviceId: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['directory', 'service', serviceId, locale],
    queryFn: ({ signal }) => apiGet(`/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { schema: ServiceDetailView, locale, query: { locale }, signal }),
  });
}

export function useTaxonomy() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['directory', 'taxonomy', locale],
    queryFn: ({ signal }) => apiGet('/api/v1/directory/taxonomy-terms', { schema: TaxonomyTermList, locale, query: { locale }, signal }),
    staleTime: 60 * 60 * 1000,
  });
}

export function useOpportunities(filters: { q?: string | undefined; territoryId?: string | undefined; kind?: OpportunityKind | undefined }) {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['directory', 'opportunities', filters, locale],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/directory/opportunities', { schema: OpportunityList, locale, query: { ...filters, locale, limit: RESULTS_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Uploads an HSDS import with XMLHttpRequest rather than fetch: only XHR reports upload progress,
 * which a large file on a slow line needs. Same CSRF token and problem details as the API client.
 */
export function uploadHsdsImport(body: HsdsImportBody, locale: Locale, onProgress: (fraction: number) => void): Promise<HsdsImportReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/directory/imports');
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', locale);
    const token = csrfToken();
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiProblem('service_unavailable', 0));
    request.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        parsed = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        const report = HsdsImportReport.safeParse(parsed);
        if (report.success) resolve(report.data);
        else reject(new ApiProblem('internal_error', request.status));
        return;
      }
      const problem = Problem.safeParse(parsed);
      reject(problem.success ? new ApiProblem(problem.data.code, request.status, problem.data) : new ApiProblem(request.status === 413 ? 'payload_too_large' : 'internal_error', request.status));
    };
    request.send(JSON.stringify(body));
  });
}

/** Marks a service checked today (its editors) or flags it for a check (desk staff and officers). */
export function useServiceReview(serviceId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['directory'] });
  return {
    verify: useMutation({
      mutationFn: () => apiSend('PATCH', `/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { locale, body: { locale, verified: true }, schema: ServiceDetailView }),
      onSuccess: refresh,
    }),
    flag: useMutation({
      mutationFn: (reason: string) => apiSend('POST', '/api/v1/directory/flags', { locale, body: { entityType: 'service', entityId: serviceId, reason }, schema: FlagView }),
      onSuccess: refresh,
    }),
  };
}
