import { PartnershipList, PartnershipView, type PartnershipCreateBody } from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const PAGE_SIZE = 20;

/** Partnerships page after page; territory partners are named in the reader's language. */
export function usePartnerships() {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['partnerships', 'list', { locale }],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/partnerships', { schema: PartnershipList, locale, query: { limit: PAGE_SIZE, cursor: pageParam, locale }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePartnership(id: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['partnerships', 'one', id, { locale }],
    queryFn: ({ signal }) => apiGet(`/api/v1/partnerships/${id}`, { schema: PartnershipView, locale, query: { locale }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePartnership() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnershipCreateBody) =>
      apiSend('POST', '/api/v1/partnerships', { locale, body, query: { locale }, schema: PartnershipView }),
    onSuccess: (created) => {
      queryClient.setQueryData(['partnerships', 'one', created.id, { locale }], created);
      void queryClient.invalidateQueries({ queryKey: ['partnerships', 'list'] });
    },
  });
}
