import { PublicConfigView } from '@glocal/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client';
import { useLocale } from './i18n';

/** The server's public settings (`GET /api/v1/config`), read once per visit: one build serves every deployment. */
export function usePublicConfig() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['public-config'],
    queryFn: ({ signal }) => apiGet('/api/v1/config', { schema: PublicConfigView, locale, signal }),
    staleTime: Infinity,
  });
}

/**
 * The tile server the maps draw: `undefined` while the settings load, null for the offline base
 * layer (also when they cannot be read: the map still works without internet).
 */
export function useMapTileUrl(): string | null | undefined {
  const config = usePublicConfig();
  if (config.isPending) return undefined;
  return config.data?.mapTileUrl ?? null;
}
