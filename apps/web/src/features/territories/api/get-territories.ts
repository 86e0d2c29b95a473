import { TerritoryList, type Locale, type TerritoryView } from '@glocal/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const PAGE_SIZE = 500;

/** Every territory with its name in `locale`. The tree needs all parents, so this follows cursors to the end. */
export async function getTerritories(locale: Locale, signal?: AbortSignal): Promise<TerritoryView[]> {
  const territories: TerritoryView[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet('/api/v1/territories', {
      schema: TerritoryList,
      locale,
      query: { limit: PAGE_SIZE, locale, cursor },
      signal,
    });
    territories.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return territories;
}

export function useTerritories() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['territories', { locale }],
    queryFn: ({ signal }) => getTerritories(locale, signal),
    // On a language switch, keep showing the tree until the names arrive in the new language.
    placeholderData: keepPreviousData,
  });
}
