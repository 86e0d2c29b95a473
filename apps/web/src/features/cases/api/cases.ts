import {
  BusinessProjectView,
  CaseBoardView,
  CaseDetailView,
  CaseFinancingView,
  CaseList,
  OutcomeView,
  type BusinessProjectUpdateBody,
  type CaseAssignBody,
  type CaseCloseBody,
  type CaseFinancingCreateBody,
  type CaseOutcomeBody,
  type CaseUpdateBody,
  type StageMoveBody,
} from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

export const CASE_PAGE_SIZE = 25;

/** The list's filters, as the address holds them. */
export interface CaseFilters {
  scope?: 'desk' | 'mine' | undefined;
  status?: string | undefined;
  stage?: string | undefined;
  requestKind?: string | undefined;
  priority?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
}

export const caseKey = (caseId: string) => ['cases', 'detail', caseId] as const;

/** My cases, page after page ("load more"). */
export function useCaseList(filters: CaseFilters) {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/cases', { schema: CaseList, locale, query: { ...filters, limit: CASE_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCaseBoard(scope: 'desk' | 'mine') {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['cases', 'board', scope],
    queryFn: ({ signal }) => apiGet('/api/v1/cases/board', { schema: CaseBoardView, locale, query: { scope }, signal }),
  });
}

export function useCase(caseId: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}`, { schema: CaseDetailView, locale, signal }),
  });
}

/** After any change to a case: its page and the lists showing it are stale. */
function useCaseChanged(caseId: string) {
  const queryClient = useQueryClient();
  return (detail?: CaseDetailView) => {
    if (detail) queryClient.setQueryData(caseKey(caseId), detail);
    else void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'board'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'workload'] });
  };
}

export function useUpdateCase(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseUpdateBody) => apiSend('PATCH', `/api/v1/cases/${caseId}`, { locale, body, schema: CaseDetailView }),
    onSuccess: changed,
  });
}

export function useAssignCase(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseAssignBody) => apiSend('POST', `/api/v1/cases/${caseId}/assign`, { locale, body, schema: CaseDetailView }),
    onSuccess: changed,
  });
}

export function useCloseCase(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseCloseBody) => apiSend('POST', `/api/v1/cases/${caseId}/close`, { locale, body, schema: CaseDetailView }),
    onSuccess: changed,
  });
}

export function useUpdateProject(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: BusinessProjectUpdateBody) =>
      apiSend('PATCH', `/api/v1/cases/${caseId}/business-project`, { locale, body, schema: BusinessProjectView }),
    onSuccess: () => changed(),
  });
}

export function useMoveStage(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: StageMoveBody) => apiSend('POST', `/api/v1/cases/${caseId}/stage`, { locale, body, schema: BusinessProjectView }),
    onSuccess: () => changed(),
  });
}

export function useRecordOutcome(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseOutcomeBody) => apiSend('PUT', `/api/v1/cases/${caseId}/outcome`, { locale, body, schema: OutcomeView }),
    onSuccess: () => changed(),
  });
}

export function useAddFinancing(caseId: string) {
  const { locale } = useLocale();
  const changed = useCaseChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseFinancingCreateBody) => apiSend('POST', `/api/v1/cases/${caseId}/financing`, { locale, body, schema: CaseFinancingView }),
    onSuccess: () => changed(),
  });
}
