import { TerritoryDetailView, TerritoryStatisticImportView, TerritoryStatisticList } from '@glocal/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSendText } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

/** The territory the statistics are about, named in the reader's language. */
export function useStatisticsTerritory(territoryId: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['territory-statistics', 'territory', territoryId, { locale }],
    queryFn: ({ signal }) => apiGet(`/api/v1/territories/${territoryId}`, { schema: TerritoryDetailView, locale, query: { locale }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTerritoryStatistics(territoryId: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['territory-statistics', 'figures', territoryId],
    queryFn: ({ signal }) => apiGet(`/api/v1/territories/${territoryId}/statistics`, { schema: TerritoryStatisticList, locale, signal }),
  });
}

/** Imports a CSV file: every row or none. A 400 answers one field error per bad cell. */
export function useImportStatistics() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      apiSendText('POST', '/api/v1/territories/statistics/import', { locale, contentType: 'text/csv', text: csv, schema: TerritoryStatisticImportView }),
    // Any territory's figures may have changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['territory-statistics', 'figures'] }),
  });
}
