import { PublicConfigView } from '@glocal/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
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

export type MapTiles = { url: string; attribution: string | null };

/**
 * The tile server the maps draw, with its credit: `undefined` while the settings load, null for
 * the offline base layer (also when they cannot be read: the map still works without internet).
 */
export function useMapTiles(): MapTiles | null | undefined {
  const config = usePublicConfig();
  const url = config.data?.mapTileUrl ?? null;
  const attribution = config.data?.mapTileAttribution ?? null;
  // One object while the settings stand, so that maps draw their base layer once.
  const tiles = useMemo(() => (url ? { url, attribution } : null), [url, attribution]);
  return config.isPending ? undefined : tiles;
}
