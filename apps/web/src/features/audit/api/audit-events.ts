import { AuditEventList, AuditVerificationView } from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { auditQuery, type AuditFilters } from '../utils/audit-filters';

const PAGE_SIZE = 50;

/** Matching entries, newest first, page after page. Each search is itself recorded by the server. */
export function useAuditEvents(filters: AuditFilters) {
  const { locale } = useLocale();
  const query = auditQuery(filters);
  return useInfiniteQuery({
    queryKey: ['audit', 'events', query],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/audit-events', { schema: AuditEventList, locale, query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Recomputes the hash chain on the server: intact, or the first entry that does not fit. */
export function useAuditVerification() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['audit', 'verification'],
    queryFn: ({ signal }) => apiGet('/api/v1/audit-events/verification', { schema: AuditVerificationView, locale, signal }),
    staleTime: 0,
  });
}
