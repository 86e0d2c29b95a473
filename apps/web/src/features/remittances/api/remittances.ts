import {
  CorridorHistory,
  CorridorList,
  CorridorReport,
  FollowList,
  FollowView,
  Problem,
  RemittanceImportReport,
  RemittanceQuoteList,
  SavingsReport,
  type RemittanceQuotesQuery,
} from '@glocal/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../../lib/api-client';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';
import { CSRF_HEADER, csrfToken } from '../../../lib/session';

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
    queryKey: ['remittances', 'savings'],
    queryFn: ({ signal }) => apiGet(`${BASE}/reports/savings`, { schema: SavingsReport, locale, signal }),
  });
}

export type ImportRequest = { csv: string; format: 'rpw' | 'survey'; validOnly: boolean; fileName?: string | undefined };

/**
 * Uploads a price file with XMLHttpRequest, whose upload events (unlike fetch's) tell how much has
 * gone: `onProgress` gets 0…1 while sending, then null while the server checks and stores the rows.
 */
export function uploadPrices({ csv, format, validOnly, fileName }: ImportRequest, locale: string, onProgress: (fraction: number | null) => void) {
  return new Promise<RemittanceImportReport>((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ format, validOnly: String(validOnly), ...(fileName ? { fileName } : {}) });
    request.open('POST', `${BASE}/imports?${query}`);
    request.setRequestHeader('Content-Type', 'text/csv');
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', locale);
    const token = csrfToken();
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.upload.onload = () => onProgress(null);
    request.onerror = () => reject(new ApiProblem('service_unavailable', 0));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        const report = RemittanceImportReport.safeParse(body);
        if (report.success) resolve(report.data);
        else reject(new ApiProblem('internal_error', request.status));
        return;
      }
      const problem = Problem.safeParse(body);
      reject(problem.success ? new ApiProblem(problem.data.code, request.status, problem.data) : new ApiProblem('internal_error', request.status));
    };
    request.send(csv);
  });
}

export function useImportPrices(onProgress: (fraction: number | null) => void) {
  const { locale } = useLocale();
  return useMutation({ mutationFn: (request: ImportRequest) => uploadPrices(request, locale, onProgress) });
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
