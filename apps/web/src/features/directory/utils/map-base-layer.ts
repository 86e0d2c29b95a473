import type { FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, type RefObject } from 'react';
import { useMapTiles, type MapTiles } from '../../../lib/public-config';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

const BASE_PANE = 'glocal-base';

/** Leaflet writes attributions as HTML: the configured credit is text. */
const asText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Draws the map's base layer, credited in the map's corner: the tile server's map when `tiles` is
 * set (the server's MAP_TILE_URL and MAP_TILE_ATTRIBUTION, read at run time through `useMapTiles`),
 * else Natural Earth's country shapes (world-atlas), which need no internet. Answers the layer, to
 * remove it later (its credit goes with it).
 */
export function addBaseLayer(map: L.Map, tiles: MapTiles | null): L.Layer {
  if (tiles) {
    map.getContainer().style.background = '';
    return L.tileLayer(tiles.url, { maxZoom: 18, ...(tiles.attribution ? { attribution: asText(tiles.attribution) } : {}) }).addTo(map);
  }
  const topology = countries as unknown as Topology;
  const shapes = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<Geometry>;
  map.getContainer().style.background = '#cfe3f2';
  // Its own pane under the overlays, so that shapes drawn after the points (settings read late) stay beneath them.
  if (!map.getPane(BASE_PANE)) map.createPane(BASE_PANE).style.zIndex = '250';
  return L.geoJSON(shapes, { pane: BASE_PANE, interactive: false, attribution: 'Natural Earth', style: { color: '#7a8a99', weight: 0.8, fillColor: '#eef2ee', fillOpacity: 1 } }).addTo(map);
}

/** Draws the map's base layer once the server's settings are read (a tile server, or Natural Earth's shapes), and again when they change. */
export function useBaseLayer(map: RefObject<L.Map | null>): void {
  const tiles = useMapTiles();
  useEffect(() => {
    const instance = map.current;
    if (tiles === undefined || !instance) return undefined;
    const base = addBaseLayer(instance, tiles);
    return () => {
      base.remove();
    };
  }, [map, tiles]);
}
