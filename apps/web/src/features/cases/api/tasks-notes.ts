import { CaseNoteList, CaseNoteView, CaseTaskList, CaseTaskView, type CaseNoteCreateBody, type CaseTaskCreateBody, type CaseTaskUpdateBody } from '@glocal/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const tasksKey = (caseId: string) => ['cases', 'tasks', caseId] as const;
const notesKey = (caseId: string) => ['cases', 'notes', caseId] as const;

export function useCaseTasks(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: tasksKey(caseId), queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}/tasks`, { schema: CaseTaskList, locale, signal }) });
}

export function useMyTasks(filter: 'open' | 'due' | 'done') {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['cases', 'my-tasks', filter],
    queryFn: ({ signal }) => apiGet('/api/v1/cases/tasks', { schema: CaseTaskList, locale, query: { filter, limit: 200 }, signal }),
  });
}

function useTasksChanged(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: tasksKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'my-tasks'] });
  };
}

export function useCreateTask(caseId: string) {
  const { locale } = useLocale();
  const changed = useTasksChanged(caseId);
  return useMutation({
    mutationFn: (body: CaseTaskCreateBody) => apiSend('POST', `/api/v1/cases/${caseId}/tasks`, { locale, body, schema: CaseTaskView }),
    onSuccess: changed,
  });
}

export function useUpdateTask(caseId: string) {
  const { locale } = useLocale();
  const changed = useTasksChanged(caseId);
  return useMutation({
    mutationFn: ({ taskId, ...body }: CaseTaskUpdateBody & { taskId: string }) =>
      apiSend('PATCH', `/api/v1/cases/${caseId}/tasks/${taskId}`, { locale, body, schema: CaseTaskView }),
    onSuccess: changed,
  });
}

export function useCaseNotes(caseId: string) {
  const { locale } = useLocale();
  return useQuery({ queryKey: notesKey(caseId), queryFn: ({ signal }) => apiGet(`/api/v1/cases/${caseId}/notes`, { schema: CaseNoteList, locale, signal }) });
}

export function useCreateNote(caseId: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseNoteCreateBody) => apiSend('POST', `/api/v1/cases/${caseId}/notes`, { locale, body, schema: CaseNoteView }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notesKey(caseId) }),
  });
}
