import { MemberList, OrganisationView, type Role } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

export const organisationKey = (id: string) => ['organisations', 'one', id] as const;

export function useOrganisation(id: string | null | undefined) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: organisationKey(id ?? ''),
    queryFn: ({ signal }) => apiGet(`/api/v1/organisations/${id}`, { schema: OrganisationView, locale, signal }),
    enabled: Boolean(id),
  });
}

/**
 * The organisation's staff. Names and e-mail addresses are personal data and the server records
 * every read in the audit trail, so this only runs once someone asks to see them (`enabled`).
 */
export function useMembers(organisationId: string, enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['organisations', 'members', organisationId],
    queryFn: ({ signal }) => apiGet(`/api/v1/organisations/${organisationId}/members`, { schema: MemberList, locale, signal }),
    enabled,
    staleTime: 0,
  });
}

/** Sets the roles a member holds here, or (no roles) removes them; then the list is asked again. */
export function useMemberRoles(organisationId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: Role[] }) =>
      roles.length > 0
        ? apiSend('PUT', `/api/v1/organisations/${organisationId}/members/${userId}/roles`, { locale, body: { roles } })
        : apiSend('DELETE', `/api/v1/organisations/${organisationId}/members/${userId}`, { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations', 'members', organisationId] }),
  });
}
