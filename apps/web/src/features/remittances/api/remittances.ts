import {
  CorridorHistory,
  CorridorList,
  CorridorReport,
  FollowList,
  FollowView,
  ReferenceRateImportReport,
  RemittanceImportReport,
  RemittanceQuoteList,
  SavingsReport,
  type RemittanceQuotesQuery,
} from '@glocal/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';
import { sendWithProgress } from '../../../lib/upload-with-progress';

const BASE = '/api/v1/remittances';

/** Corridors with prices: what the form offers. */
export function useCorridors() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'corridors'],
    queryFn: ({ signal }) => apiGet(`${BASE}/corridors`, { schema: CorridorList, locale, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Options for one amount, ranked by the server; off until the query is complete. */
export function useQuotes(query: RemittanceQuotesQuery | null) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'quotes', query],
    queryFn: ({ signal }) => apiGet(`${BASE}/quotes`, { schema: RemittanceQuoteList, locale, query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCorridorHistory(corridor: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'history', corridor],
    queryFn: ({ signal }) => apiGet(`${BASE}/corridors/${corridor}/history`, { schema: CorridorHistory, locale, signal }),
    retry: false,
  });
}

export function useCorridorReport(corridor: string | null) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'report', corridor],
    queryFn: ({ signal }) => apiGet(`${BASE}/reports/corridors/${corridor}`, { schema: CorridorReport, locale, signal }),
    enabled: corridor !== null,
  });
}

export const corridorReportCsvUrl = (corridor: string) => `${BASE}/reports/corridors/${corridor}/csv`;

export function useSavingsReport() {
  const { locale } = useLocale();
  return useQuery({
    // Territories are named in the reader's language.
    queryKey: ['remittances', 'savings', locale],
    queryFn: ({ signal }) => apiGet(`${BASE}/reports/savings`, { schema: SavingsReport, locale, signal }),
  });
}

export type ImportRequest = { csv: string; format: 'rpw' | 'survey'; validOnly: boolean; fileName?: string | undefined };

/** Uploads a price file: `onProgress` gets 0…1 while sending, then null while the server checks and stores the rows. */
export function uploadPrices({ csv, format, validOnly, fileName }: ImportRequest, locale: string, onProgress: (fraction: number | null) => void) {
  const query = new URLSearchParams({ format, validOnly: String(validOnly), ...(fileName ? { fileName } : {}) });
  return sendWithProgress(`${BASE}/imports?${query}`, csv, { contentType: 'text/csv', locale, onProgress, schema: RemittanceImportReport });
}

export function useImportPrices(onProgress: (fraction: number | null) => void) {
  const { locale } = useLocale();
  return useMutation({ mutationFn: (request: ImportRequest) => uploadPrices(request, locale, onProgress) });
}

export type RateImportRequest = { csv: string; validOnly: boolean; fileName?: string | undefined };

/** Uploads a reference exchange rates file (`base_currency, quote_currency, date, rate, source`), with the same progress as prices. */
export function uploadReferenceRates({ csv, validOnly, fileName }: RateImportRequest, locale: string, onProgress: (fraction: number | null) => void) {
  const query = new URLSearchParams({ validOnly: String(validOnly), ...(fileName ? { fileName } : {}) });
  return sendWithProgress(`${BASE}/reference-rates/imports?${query}`, csv, { contentType: 'text/csv', locale, onProgress, schema: ReferenceRateImportReport });
}

export function useImportReferenceRates(onProgress: (fraction: number | null) => void) {
  const { locale } = useLocale();
  return useMutation({ mutationFn: (request: RateImportRequest) => uploadReferenceRates(request, locale, onProgress) });
}

/** The corridors the signed-in person follows (opt-in alerts); off when nobody is signed in. */
export function useFollows(enabled: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['remittances', 'follows'],
    queryFn: ({ signal }) => apiGet(`${BASE}/follows`, { schema: FollowList, locale, signal }),
    enabled,
  });
}

export function useToggleFollow() {
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ from, to, follow }: { from: string; to: string; follow: boolean }) =>
      follow
        ? apiSend('POST', `${BASE}/follows`, { locale, body: { from, to }, schema: FollowView }).then(() => undefined)
        : apiSend('DELETE', `${BASE}/follows/${from}-${to}`, { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['remittances', 'follows'] }),
  });
}
