import { CaseServiceReferralList, CaseServiceReferralView, type CaseServiceReferralOutcome } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

export const caseReferralsKey = (caseId: string) => ['directory', 'case-referrals', caseId] as const;

/** The services a case was referred to ("referred to this service"), newest first as the server lists them. */
export function useCaseServiceReferrals(caseId: string, enabled = true) {
  const { locale } = useLocale();
  return useQuery({
    enabled,
    queryKey: [...caseReferralsKey(caseId), locale],
    queryFn: ({ signal }) => apiGet('/api/v1/directory/case-referrals', { schema: CaseServiceReferralList, locale, query: { caseId, locale }, signal }),
  });
}

export function useReferCaseToService(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, note }: { serviceId: string; note?: string | undefined }) =>
      apiSend('POST', `/api/v1/directory/services/${encodeURIComponent(serviceId)}/case-referrals`, {
        locale,
        query: { locale },
        body: note ? { caseId, note } : { caseId },
        schema: CaseServiceReferralView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseReferralsKey(caseId) }),
  });
}

/** Records whether the person got the service they were referred to. */
export function useRecordReferralOutcome(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, outcome }: { referralId: string; outcome: CaseServiceReferralOutcome }) =>
      apiSend('PATCH', `/api/v1/directory/case-referrals/${encodeURIComponent(referralId)}`, { locale, query: { locale }, body: { outcome }, schema: CaseServiceReferralView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseReferralsKey(caseId) }),
  });
}
