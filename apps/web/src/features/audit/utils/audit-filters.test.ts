import { describe, expect, it } from 'vitest';
import { NO_FILTERS, auditQuery, exportHref, filtersFromSearch, searchFromFilters } from './audit-filters';

describe('auditQuery', () => {
  it('leaves empty filters out and trims the others', () => {
    expect(auditQuery({ ...NO_FILTERS, action: ' auth.signed_in ', subjectType: '' })).toEqual({ action: 'auth.signed_in' });
  });

  it('turns days into instants in the reader’s time zone, the last day included', () => {
    const query = auditQuery({ ...NO_FILTERS, from: '2026-11-01', to: '2026-11-30' });

    expect(query).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      // The API's `to` is exclusive: the next midnight keeps the whole of 30 November.
      to: new Date(2026, 11, 1).toISOString(),
    });
  });

  it('ignores a day that is not a date', () => {
    expect(auditQuery({ ...NO_FILTERS, from: 'yesterday' })).toEqual({});
  });
});

describe('the filters in the page address', () => {
  it('go there and back unchanged, without the empty ones', () => {
    const filters = { ...NO_FILTERS, actorUserId: 'a1', action: 'organisation.updated', from: '2026-01-02' };
    const search = searchFromFilters(filters);

    expect(search.toString()).toBe('actorUserId=a1&action=organisation.updated&from=2026-01-02');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('give the CSV export the same query as the search', () => {
    const filters = { ...NO_FILTERS, subjectType: 'organisation', to: '2026-02-28' };

    expect(exportHref(filters)).toBe(
      `/api/v1/audit-events/export.csv?subjectType=organisation&to=${encodeURIComponent(new Date(2026, 2, 1).toISOString())}`,
    );
    expect(exportHref(NO_FILTERS)).toBe('/api/v1/audit-events/export.csv');
  });
});
