import { ProviderList, TransferList, TransferView, type TransferCreateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const BASE = '/api/v1/remittances';
const transfersKey = (deskId: string) => ['remittances', 'transfers', deskId] as const;

/** Every provider and its products (public): what a desk picks a transfer's provider from. */
export function useProviders() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'providers', 'all'],
    queryFn: ({ signal }) => apiGet(`${BASE}/providers`, { schema: ProviderList, locale, signal }),
    staleTime: 5 * 60_000,
  });
}

/** The transfers a desk recorded, latest first. */
export function useTransfers(deskId: string | null) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: transfersKey(deskId ?? ''),
    queryFn: ({ signal }) => apiGet(`${BASE}/transfers`, { schema: TransferList, locale, query: { deskOrganisationId: deskId ?? '' }, signal }),
    enabled: deskId !== null,
  });
}

/** Records a beneficiary's transfer: the desk's list and the savings report read it again. */
export function useRecordTransfer() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferCreateBody) => apiSend('POST', `${BASE}/transfers`, { locale, body, schema: TransferView }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: transfersKey(created.deskOrganisationId) });
      void queryClient.invalidateQueries({ queryKey: ['remittances', 'savings'] });
    },
  });
}
