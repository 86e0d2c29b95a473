import type { FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

/** A tile server for production, if one is configured; without it the Natural Earth shapes are the base layer. */
export const TILE_URL = (import.meta.env.VITE_MAP_TILE_URL as string | undefined) || null;

/**
 * Draws the map's base layer: the tile server's map when `tileUrl` is set, else Natural Earth's
 * country shapes (world-atlas), which need no internet. Answers the layer, to remove it later.
 */
export function addBaseLayer(map: L.Map, tileUrl: string | null): L.Layer {
  if (tileUrl) {
    map.getContainer().style.background = '';
    return L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
  }
  const topology = countries as unknown as Topology;
  const shapes = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<Geometry>;
  map.getContainer().style.background = '#cfe3f2';
  return L.geoJSON(shapes, { interactive: false, style: { color: '#7a8a99', weight: 0.8, fillColor: '#eef2ee', fillOpacity: 1 } }).addTo(map);
}
