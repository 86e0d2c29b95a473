import { CaseDetailView, type CaseCreateBody } from '@glocal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { caseKey } from './cases';

/** Opens a case for a person met at the desk; the answer is the new case, kept for its page. */
export function useCreateCase() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseCreateBody) => apiSend('POST', '/api/v1/cases', { locale, body, schema: CaseDetailView }),
    onSuccess: (created) => {
      queryClient.setQueryData(caseKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'board'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'workload'] });
    },
  });
}
