import {
  ConsentList,
  ConsentView,
  ErasureRequestList,
  ErasureRequestView,
  MyErasureState,
  MyErasureView,
  MyRequestList,
  MyRequestView,
  type ErasureDecisionBody,
} from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const BASE = '/api/v1/me/requests';
const keys = {
  all: ['my-requests'] as const,
  one: (caseId: string) => ['my-requests', caseId] as const,
  consents: (caseId: string) => ['my-requests', caseId, 'consents'] as const,
  erasure: ['my-requests', 'erasure'] as const,
  decisions: ['erasure-requests'] as const,
};

export function useMyRequests() {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.all, queryFn: ({ signal }) => apiGet(BASE, { schema: MyRequestList, locale, signal }) });
}

export function useMyRequest(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.one(caseId), queryFn: ({ signal }) => apiGet(`${BASE}/${caseId}`, { schema: MyRequestView, locale, signal }) });
}

export function useLinkRequest() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reference: string) => apiSend('POST', `${BASE}/link`, { locale, body: { reference }, schema: MyRequestList }),
    onSuccess: (list) => queryClient.setQueryData(keys.all, list),
  });
}

export function useMyConsents(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.consents(caseId), queryFn: ({ signal }) => apiGet(`${BASE}/${caseId}/consents`, { schema: ConsentList, locale, signal }) });
}

export function useWithdrawMyConsent(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => apiSend('POST', `${BASE}/${caseId}/consents/${consentId}/withdraw`, { locale, schema: ConsentView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.consents(caseId) }),
  });
}

export function useErasureState() {
  const { locale } = useLocale();
  return useQuery({ queryKey: keys.erasure, queryFn: ({ signal }) => apiGet(`${BASE}/erasure`, { schema: MyErasureState, locale, signal }) });
}

export function useRequestErasure() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${BASE}/erasure`, { locale, schema: MyErasureView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.erasure }),
  });
}

export function useErasureRequests(status: 'pending' | undefined) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: [...keys.decisions, status ?? 'all'],
    queryFn: ({ signal }) => apiGet('/api/v1/erasure-requests', { schema: ErasureRequestList, locale, signal, query: { status } }),
  });
}

export function useDecideErasure() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ErasureDecisionBody }) =>
      apiSend('POST', `/api/v1/erasure-requests/${id}/decision`, { locale, body, schema: ErasureRequestView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.decisions }),
  });
}

export const MY_REQUESTS_BASE = BASE;
