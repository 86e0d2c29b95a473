import { OrganisationView, type OrganisationCreateBody, type OrganisationUpdateBody } from '@glocal/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { organisationKey } from './get-organisation';

/** Registers an organisation (platform administrators). */
export function useCreateOrganisation() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationCreateBody) => apiSend('POST', '/api/v1/organisations', { locale, body, schema: OrganisationView }),
    onSuccess: (created) => {
      queryClient.setQueryData(organisationKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'directory'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'all'] });
    },
  });
}

/** Changes only the fields named in `changes` (a partial update). */
export function useUpdateOrganisation(id: string) {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: OrganisationUpdateBody) =>
      apiSend('PATCH', `/api/v1/organisations/${id}`, { locale, body: changes, schema: OrganisationView }),
    onSuccess: (updated) => {
      queryClient.setQueryData(organisationKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'directory'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'all'] });
    },
  });
}
