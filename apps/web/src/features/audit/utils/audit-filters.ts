/** The audit search as typed in the form and kept in the page address. Dates are calendar days. */
export interface AuditFilters {
  actorUserId: string;
  subjectType: string;
  subjectId: string;
  action: string;
  /** `YYYY-MM-DD`, the first day included. */
  from: string;
  /** `YYYY-MM-DD`, the last day included. */
  to: string;
}

export const FILTER_NAMES = ['actorUserId', 'subjectType', 'subjectId', 'action', 'from', 'to'] as const;

export const NO_FILTERS: AuditFilters = { actorUserId: '', subjectType: '', subjectId: '', action: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const filters = { ...NO_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = search.get(name)?.trim() ?? '';
  if (!DAY.test(filters.from)) filters.from = '';
  if (!DAY.test(filters.to)) filters.to = '';
  return filters;
}

export function searchFromFilters(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) search.set(name, value);
  }
  return search;
}

/** Local midnight at the start of `day`, as the API's ISO instant. */
function startOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** Local midnight after `day`: the API's `to` is exclusive, the form's last day is included. */
function startOfNextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).toISOString();
}

/**
 * The API query for these filters: empty ones left out, days turned into instants in the reader's
 * time zone, `to` moved to the next midnight so the whole last day counts.
 */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ['actorUserId', 'subjectType', 'subjectId', 'action'] as const) {
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  if (DAY.test(filters.from)) query.from = startOfDay(filters.from);
  if (DAY.test(filters.to)) query.to = startOfNextDay(filters.to);
  return query;
}

/** The CSV export's address for the same filters. */
export function exportHref(filters: AuditFilters): string {
  const search = new URLSearchParams(auditQuery(filters)).toString();
  return search ? `/api/v1/audit-events/export.csv?${search}` : '/api/v1/audit-events/export.csv';
}
