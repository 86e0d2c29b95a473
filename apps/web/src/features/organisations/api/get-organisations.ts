import { OrganisationList, type Locale, type OrganisationType, type OrganisationView } from '@glocal/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

export const DIRECTORY_PAGE_SIZE = 20;

export interface OrganisationFilters {
  type?: OrganisationType | undefined;
  territoryId?: string | undefined;
  q?: string | undefined;
}

/** One page of the directory; `cursor` is the previous page's `nextCursor`. */
export function getOrganisationPage(filters: OrganisationFilters, locale: Locale, cursor?: string, signal?: AbortSignal) {
  return apiGet('/api/v1/organisations', {
    schema: OrganisationList,
    locale,
    query: { type: filters.type, territoryId: filters.territoryId, q: filters.q, limit: DIRECTORY_PAGE_SIZE, cursor },
    signal,
  });
}

/** The directory, page after page ("load more"), for the given filters. */
export function useOrganisationDirectory(filters: OrganisationFilters) {
  const { locale } = useLocale();
  return useInfiniteQuery({
    queryKey: ['organisations', 'directory', filters],
    queryFn: ({ pageParam, signal }) => getOrganisationPage(filters, locale, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a new filter's first page loads, keep the old results rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** Every organisation (for pickers): follows cursors to the end. */
export async function getAllOrganisations(locale: Locale, signal?: AbortSignal): Promise<OrganisationView[]> {
  const all: OrganisationView[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet('/api/v1/organisations', { schema: OrganisationList, locale, query: { limit: 500, cursor }, signal });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function useAllOrganisations({ enabled = true }: { enabled?: boolean } = {}) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: ({ signal }) => getAllOrganisations(locale, signal),
    enabled,
  });
}
