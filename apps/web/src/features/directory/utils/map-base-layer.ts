import type { FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

const BASE_PANE = 'glocal-base';

/**
 * Draws the map's base layer: the tile server's map when `tileUrl` is set (the server's
 * MAP_TILE_URL, read at run time through `useMapTileUrl`), else Natural Earth's
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
  // Its own pane under the overlays, so that shapes drawn after the points (settings read late) stay beneath them.
  if (!map.getPane(BASE_PANE)) map.createPane(BASE_PANE).style.zIndex = '250';
  return L.geoJSON(shapes, { pane: BASE_PANE, interactive: false, style: { color: '#7a8a99', weight: 0.8, fillColor: '#eef2ee', fillOpacity: 1 } }).addTo(map);
}
