import { InvitationList, InvitationSentView, InvitationView, type InvitationCreateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const invitationsKey = (organisationId: string) => ['organisations', 'invitations', organisationId] as const;

/** Open invitations (e-mail addresses: the server records the read), fetched once asked for. */
export function useInvitations(organisationId: string, enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: invitationsKey(organisationId),
    queryFn: ({ signal }) => apiGet(`/api/v1/organisations/${organisationId}/invitations`, { schema: InvitationList, locale, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useInvite(organisationId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationCreateBody) =>
      apiSend('POST', `/api/v1/organisations/${organisationId}/invitations`, { locale, body, schema: InvitationSentView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}

/** Withdraws (`revoke`) or sends again with a new link (`resend`) one invitation. */
export function useInvitationCommand(organisationId: string, command: 'revoke' | 'resend') {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiSend('POST', `/api/v1/invitations/${invitationId}/${command}`, {
        locale,
        schema: command === 'revoke' ? InvitationView : InvitationSentView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}
