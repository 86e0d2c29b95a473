import {
  CaseDisclosureList,
  CaseDocumentList,
  CaseDocumentView,
  CaseMessageList,
  CaseMessageView,
  ConsentList,
  ConsentView,
  IncomingReferralList,
  OrganisationList,
  ReferralList,
  ReferralView,
  type ConsentCreateBody,
  type DocumentKind,
  type ReferralCreateBody,
} from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { sendWithProgress } from '../../../lib/upload-with-progress';

const keys = {
  consents: (caseId: string) => ['case-collaboration', caseId, 'consents'] as const,
  referrals: (caseId: string) => ['case-collaboration', caseId, 'referrals'] as const,
  documents: (caseId: string) => ['case-collaboration', caseId, 'documents'] as const,
  messages: (caseId: string) => ['case-collaboration', caseId, 'messages'] as const,
  incoming: ['case-collaboration', 'incoming-referrals'] as const,
  desks: ['case-collaboration', 'desks'] as const,
};

/** Help desks a consent may name: the server still checks the partnership when referring. */
export function useHelpDesks() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: keys.desks,
    queryFn: ({ signal }) => apiGet('/api/v1/organisations', { schema: OrganisationList, locale, signal, query: { type: 'help_desk', limit: 200 } }),
    staleTime: 5 * 60_000,
  });
}

export function useConsents(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.consents(caseId), queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}/consents`, { schema: ConsentList, locale, signal }) });
}

export function useRecordConsent(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreateBody) => apiSend('POST', `/api/v1/cases/${caseId}/consents`, { locale, body, schema: ConsentView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.consents(caseId) }),
  });
}

export function useWithdrawConsent(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => apiSend('POST', `/api/v1/cases/${caseId}/consents/${consentId}/withdraw`, { locale, schema: ConsentView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-collaboration', caseId] }),
  });
}

export function useCaseReferrals(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.referrals(caseId), queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}/referrals`, { schema: ReferralList, locale, signal }) });
}

export function useRefer(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralCreateBody) => apiSend('POST', `/api/v1/cases/${caseId}/referrals`, { locale, body, schema: ReferralView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.referrals(caseId) }),
  });
}

export function useIncomingReferrals() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: keys.incoming,
    queryFn: ({ signal }) => apiGet('/api/v1/referrals', { schema: IncomingReferralList, locale, signal, query: { direction: 'incoming', status: 'pending' } }),
  });
}

export function useDecideReferral() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'accept' | 'decline'; reason?: string }) =>
      apiSend('POST', `/api/v1/referrals/${id}/${decision}`, { locale, schema: ReferralView, ...(decision === 'decline' ? { body: { reason } } : {}) }),
    // The answered referral stays in the list with its outcome (and the link to the case) until the page is opened again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-collaboration'], predicate: (query) => query.queryKey[1] !== keys.incoming[1] }),
  });
}

/** Where a case's documents live: staff under the case, the person under their own request. */
export type DocumentsBase = `/api/v1/cases/${string}` | `/api/v1/me/requests/${string}`;

export function useDocuments(base: DocumentsBase) {
  const { locale } = useLocale();
  return useQuery({ queryKey: ['case-collaboration', base, 'documents'], queryFn: ({ signal }) => apiGet(`${base}/documents`, { schema: CaseDocumentList, locale, signal }) });
}

export function useUploadDocument(base: DocumentsBase) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, onProgress }: { file: File; kind: DocumentKind; onProgress: (fraction: number) => void }) =>
      sendWithProgress(`${base}/documents?kind=${kind}`, withFile(file), {
        locale,
        onProgress: (fraction) => fraction !== null && onProgress(fraction),
        schema: CaseDocumentView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-collaboration', base, 'documents'] }),
  });
}

export function useMessages(base: DocumentsBase) {
  const { locale } = useLocale();
  return useQuery({ queryKey: ['case-collaboration', base, 'messages'], queryFn: ({ signal }) => apiGet(`${base}/messages`, { schema: CaseMessageList, locale, signal }) });
}

export function useSendMessage(base: DocumentsBase) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiSend('POST', `${base}/messages`, { locale, body: { body }, schema: CaseMessageView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-collaboration', base, 'messages'] }),
  });
}

/** Who reached the case from which desk (the audit trail's slice); each read is itself audited, so only on demand. */
export function useDisclosures(caseId: string, enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['case-collaboration', caseId, 'disclosures'],
    queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}/referrals/disclosures`, { schema: CaseDisclosureList, locale, signal }),
    enabled,
    staleTime: 0,
  });
}

/** One file as multipart/form-data, in the part the server reads (`file`). */
function withFile(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
