import {
  EditableOrganizationList,
  FlagView,
  LocationView,
  HsdsImportReport,
  MapPointsView,
  OpportunityList,
  ReviewList,
  ServiceDetailView,
  ServiceSearchResult,
  TaxonomyTermList,
  type HsdsImportBody,
  type LocationCreateBody,
  type LocationUpdateBody,
  type ServiceCreateBody,
  type Locale,
  type ServiceUpdateBody,
  type OpportunityKind,
  type TargetGroup,
} from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { sendWithProgress } from '../../../lib/upload-with-progress';

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

/** One service, its texts in `textLocale` (the reader's language unless an editor picks another). */
export function useService(serviceId: string, textLocale?: Locale) {
  const { locale } = useLocale();
  const texts = textLocale ?? locale;
  return useQuery({
    queryKey: ['directory', 'service', serviceId, texts],
    queryFn: ({ signal }) => apiGet(`/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { schema: ServiceDetailView, locale, query: { locale: texts }, signal }),
  });
}

/** Changes a service (its texts in `body.locale`); every directory view is fetched again afterwards. */
export function useUpdateService(serviceId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceUpdateBody) => apiSend('PATCH', `/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { locale, body, schema: ServiceDetailView }),
    onSuccess: (saved, body) => {
      queryClient.setQueryData(['directory', 'service', serviceId, body.locale], saved);
      return queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
}

/** The organizations the reader may add services to (the server's access policy decides). */
export function useEditableOrganizations(enabled = true) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['directory', 'editable-organizations', locale],
    queryFn: ({ signal }) => apiGet('/api/v1/directory/editable-organizations', { schema: EditableOrganizationList, locale, query: { locale }, signal }),
    enabled,
  });
}

/** Adds a service; answers it as its page shows it. */
export function useCreateService() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceCreateBody) => apiSend('POST', '/api/v1/directory/services', { locale, body, schema: ServiceDetailView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}

/** Adds a place to a service, or changes one (`locationId`); the service is fetched again afterwards. */
export function useSaveLocation(serviceId: string, locationId: string | null) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationCreateBody | LocationUpdateBody) =>
      locationId
        ? apiSend('PATCH', `/api/v1/directory/locations/${encodeURIComponent(locationId)}`, { locale, body, schema: LocationView })
        : apiSend('POST', `/api/v1/directory/services/${encodeURIComponent(serviceId)}/locations`, { locale, body, schema: LocationView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}

/** Removes a place, with its address and hours; the service is fetched again afterwards. */
export function useRemoveLocation(locationId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', `/api/v1/directory/locations/${encodeURIComponent(locationId)}`, { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
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

/** Uploads an HSDS import, reporting progress while the file is sent (see sendWithProgress). */
export function uploadHsdsImport(body: HsdsImportBody, locale: Locale, onProgress: (fraction: number) => void): Promise<HsdsImportReport> {
  return sendWithProgress('/api/v1/directory/imports', JSON.stringify(body), {
    contentType: 'application/json',
    locale,
    onProgress: (fraction) => fraction !== null && onProgress(fraction),
    schema: HsdsImportReport,
  });
}

/** Services to check within the reader's reach: not verified for 12 months, or flagged (oldest check first). */
export function useReviewQueue() {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['directory', 'review', locale],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/directory/review', { schema: ReviewList, locale, query: { locale, limit: RESULTS_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Marks one service of a list checked today (resolving its open flags, audited server-side). */
export function useMarkServiceVerified() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: string) =>
      apiSend('PATCH', `/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { locale, body: { locale, verified: true }, schema: ServiceDetailView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}

/** The whole directory as an HSDS datapackage zip (territory officers); downloaded through a plain link. */
export const HSDS_EXPORT_ZIP_URL = '/api/v1/directory/exports/datapackage.zip';

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
