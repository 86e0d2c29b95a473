import { PersonDuplicateList, PersonDuplicateView } from '@glocal/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';

export const DUPLICATES_PAGE_SIZE = 20;
const duplicatesKey = ['people', 'duplicates'] as const;

/** The open possible duplicates of my desks, newest first, page after page. */
export function useDuplicates() {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: duplicatesKey,
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/people/duplicates', { schema: PersonDuplicateList, locale, query: { limit: DUPLICATES_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Refused because the pair is gone or already decided (by someone else): the list is stale too. */
export const isPairGone = (error: unknown) => error instanceof ApiProblem && (error.status === 404 || error.status === 409);

/** After a decision the list is stale, and so is every case of the merged person (their cases moved). */
function useDecided() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: duplicatesKey });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  return {
    onSuccess: refresh,
    onError: (error: unknown) => {
      if (isPairGone(error)) refresh();
    },
  };
}

export function useMergeDuplicate() {
  const { locale } = useLocale();
  const decided = useDecided();
  return useMutation({
    mutationFn: ({ id, keepPersonId }: { id: string; keepPersonId: string }) =>
      apiSend('POST', `/api/v1/people/duplicates/${id}/merge`, { locale, body: { keepPersonId }, schema: PersonDuplicateView }),
    ...decided,
  });
}

export function useDismissDuplicate() {
  const { locale } = useLocale();
  const decided = useDecided();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => apiSend('POST', `/api/v1/people/duplicates/${id}/dismiss`, { locale, schema: PersonDuplicateView }),
    ...decided,
  });
}
