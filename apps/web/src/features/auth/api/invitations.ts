import { InvitationAcceptedView, InvitationLookupView, type InvitationAcceptBody } from '@glocal/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** What an invitation link offers: the organisation, the role and the invited address. */
export function useInvitation(token: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['invitations', 'lookup', token],
    queryFn: ({ signal }) => apiGet('/api/v1/invitations/lookup', { schema: InvitationLookupView, locale, query: { token }, signal }),
    // An invitation is read once and acted upon: never refetched behind the reader's back.
    staleTime: Infinity,
    retry: false,
  });
}

export function useAcceptInvitation() {
  const { locale } = useLocale();
  return useMutation({
    mutationFn: (body: InvitationAcceptBody) =>
      apiSend('POST', '/api/v1/invitations/accept', { locale, body, schema: InvitationAcceptedView }),
  });
}
