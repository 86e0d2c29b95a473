import { ApiTokenCreatedView, ApiTokenList, ApiTokenView, OrganisationList, type ApiTokenCreateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const tokensKey = (organisationId: string) => ['api-tokens', { organisationId }] as const;

/** An organisation's tokens, newest first (first page: a person manages a handful, not hundreds). */
export function useApiTokens(organisationId: string | undefined) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: tokensKey(organisationId ?? ''),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/api-tokens', { schema: ApiTokenList, locale, query: { organisationId, limit: 100 }, signal }),
    enabled: organisationId !== undefined,
  });
}

export function useCreateApiToken() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreateBody) => apiSend('POST', '/api/v1/api-tokens', { locale, body, schema: ApiTokenCreatedView }),
    onSuccess: (created) => queryClient.invalidateQueries({ queryKey: tokensKey(created.organisationId) }),
  });
}

export function useRevokeApiToken() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiSend('POST', `/api/v1/api-tokens/${tokenId}/revoke`, { locale, schema: ApiTokenView }),
    onSuccess: (revoked) => queryClient.invalidateQueries({ queryKey: tokensKey(revoked.organisationId) }),
  });
}

/**
 * The organisations a platform-wide administrator may pick a token's organisation from; others
 * pick among their own memberships and never need this list.
 */
export function useOrganisationChoices(enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['api-tokens', 'organisation-choices'],
    queryFn: ({ signal }) => apiGet('/api/v1/organisations', { schema: OrganisationList, locale, query: { limit: 500 }, signal }),
    enabled,
  });
}
