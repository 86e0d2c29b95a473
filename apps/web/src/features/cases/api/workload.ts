import { DeskWorkloadView, OutcomeSummaryView } from '@glocal/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

export function useDeskWorkload(deskId?: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['cases', 'workload', deskId ?? null],
    queryFn: ({ signal }) => apiGet('/api/v1/cases/workload', { schema: DeskWorkloadView, locale, query: { deskId }, signal }),
  });
}

export function useOutcomeSummary(deskId?: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['cases', 'outcomes', deskId ?? null],
    queryFn: ({ signal }) => apiGet('/api/v1/cases/outcomes/summary', { schema: OutcomeSummaryView, locale, query: { deskId }, signal }),
  });
}
