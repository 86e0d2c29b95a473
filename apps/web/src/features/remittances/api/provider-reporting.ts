import {
  PriceView,
  ProductView,
  ProviderList,
  ProviderPriceList,
  ServiceDetailView,
  ServiceSearchResult,
  type PriceReportBody,
  type ProductBody,
  type ProductUpdateBody,
} from '@glocal/contracts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const BASE = '/api/v1/remittances';
const mineKey = ['remittances', 'providers', 'mine'] as const;
const pricesKey = (providerId: string) => ['remittances', 'providers', providerId, 'prices'] as const;

/** The providers whose prices the signed-in person reports (every provider, for platform staff). */
export function useMyProviders() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: mineKey,
    queryFn: ({ signal }) => apiGet(`${BASE}/providers/mine`, { schema: ProviderList, locale, signal }),
  });
}

/** The latest price of each of the provider's products in each corridor, with its age; off until a provider is chosen. */
export function useProviderPrices(providerId: string | null) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: pricesKey(providerId ?? ''),
    queryFn: ({ signal }) => apiGet(`${BASE}/providers/${providerId}/prices`, { schema: ProviderPriceList, locale, signal }),
    enabled: providerId !== null,
  });
}

export function useAddProduct(providerId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductBody) => apiSend('POST', `${BASE}/providers/${providerId}/products`, { locale, body, schema: ProductView }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['remittances', 'providers'] }),
  });
}

/** Changes one of the provider's products: the provider's page, and the public comparison, read it again. */
export function useUpdateProduct(providerId: string, productId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductUpdateBody) => apiSend('PATCH', `${BASE}/providers/${providerId}/products/${productId}`, { locale, body, schema: ProductView }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['remittances', 'providers'] });
      void queryClient.invalidateQueries({ queryKey: ['remittances', 'quotes'] });
    },
  });
}

/** Reports a price: the provider's table, and the public comparison, read it again. */
export function useReportPrice(providerId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceReportBody) => apiSend('POST', `${BASE}/providers/${providerId}/prices`, { locale, body, schema: PriceView }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pricesKey(providerId) });
      void queryClient.invalidateQueries({ queryKey: ['remittances', 'quotes'] });
      void queryClient.invalidateQueries({ queryKey: ['remittances', 'corridors'] });
    },
  });
}

/** Services of the public directory matching `q` (first page), to link as a product's pickup points; off while `q` is empty. */
export function usePickupPointSearch(q: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'pickup-point-search', q, locale],
    queryFn: ({ signal }) => apiGet('/api/v1/directory/services', { schema: ServiceSearchResult, locale, query: { q, locale, limit: 10 }, signal }),
    enabled: q !== '',
  });
}

/** The names of a product's pickup points, read from the public directory (one request per service, each kept in cache). */
export function usePickupPointNames(serviceIds: readonly string[]): Map<string, string> {
  const { locale } = useLocale();
  const results = useQueries({
    queries: serviceIds.map((serviceId) => ({
      queryKey: ['remittances', 'pickup-point', serviceId, locale],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet(`/api/v1/directory/services/${encodeURIComponent(serviceId)}`, { schema: ServiceDetailView, locale, query: { locale }, signal }),
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data.name] as const] : [])));
}

