import { OpportunityDetailView, type OpportunityCreateBody, type OpportunityUpdateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const path = (id: string) => `/api/v1/directory/opportunities/${encodeURIComponent(id)}`;

/** One economic opportunity with its texts in every language (for editing) and whether the reader may edit it. */
export function useOpportunity(id: string | null) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['directory', 'opportunity', id, locale],
    queryFn: ({ signal }) => apiGet(path(id!), { schema: OpportunityDetailView, locale, query: { locale }, signal }),
    enabled: id !== null,
  });
}

/** Creates an opportunity (no id) or changes one; the lists are fetched again. */
export function useSaveOpportunity(id: string | null) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpportunityCreateBody | OpportunityUpdateBody) =>
      id === null
        ? apiSend('POST', '/api/v1/directory/opportunities', { locale, body, schema: OpportunityDetailView })
        : apiSend('PATCH', path(id), { locale, body, schema: OpportunityDetailView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}

export function useDeleteOpportunity(id: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', path(id), { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['directory'] }),
  });
}
