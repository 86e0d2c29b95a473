import { PriceView, ProductView, ProviderList, ProviderPriceList, type PriceReportBody, type ProductBody, type ProductUpdateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
