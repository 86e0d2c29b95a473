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

/** From this zoom on, Natural Earth's regions (states, provinces) replace its country shapes. */
export const REGION_ZOOM = 5;

const LAND_STYLE: L.PathOptions = { color: '#7a8a99', weight: 0.8, fillColor: '#eef2ee', fillOpacity: 1 };

let regionShapes: Promise<FeatureCollection<Geometry>> | undefined;
/** The regions' file (about 400 KB gzipped) is fetched once, the first time a map zooms in that far. */
function loadRegionShapes(): Promise<FeatureCollection<Geometry>> {
  regionShapes ??= import('../shapes/regions.topo.json').then(({ default: regions }) => {
    const topology = regions as unknown as Topology;
    return feature(topology, topology.objects.regions!) as unknown as FeatureCollection<Geometry>;
  });
  return regionShapes;
}

/**
 * Draws the map's base layer, credited in the map's corner: the tile server's map when `tiles` is
 * set (the server's MAP_TILE_URL and MAP_TILE_ATTRIBUTION, read at run time through `useMapTiles`),
 * else Natural Earth's shapes, which need no internet: countries (world-atlas, 1:110m) and, from
 * REGION_ZOOM on, regions (1:10m admin-1, simplified; see apps/web/scripts/build-region-shapes.mjs).
 * Answers the layer, to remove it later (its credit goes with it).
 */
export function addBaseLayer(map: L.Map, tiles: MapTiles | null): L.Layer {
  if (tiles) {
    map.getContainer().style.background = '';
    return L.tileLayer(tiles.url, { maxZoom: 18, ...(tiles.attribution ? { attribution: asText(tiles.attribution) } : {}) }).addTo(map);
  }
  const topology = countries as unknown as Topology;
  const countryShapes = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<Geometry>;
  map.getContainer().style.background = '#cfe3f2';
  // Its own pane under the overlays, so that shapes drawn after the points (settings read late) stay beneath them.
  if (!map.getPane(BASE_PANE)) map.createPane(BASE_PANE).style.zIndex = '250';
  const base = L.layerGroup([], { attribution: 'Natural Earth' });
  const countryLayer = L.geoJSON(countryShapes, { pane: BASE_PANE, interactive: false, style: LAND_STYLE });
  let regionLayer: L.GeoJSON | undefined;
  const showScale = () => {
    const regional = map.getZoom() >= REGION_ZOOM;
    if (regional && !regionLayer) {
      void loadRegionShapes().then((regions) => {
        if (regionLayer || !map.hasLayer(base)) return;
        // On a canvas of their own: 4,596 regions as SVG paths would slow down panning.
        // (GeoJSON hands its options to each shape it makes, though its type does not list `renderer`.)
        const options: L.GeoJSONOptions & L.PathOptions = { pane: BASE_PANE, renderer: L.canvas({ pane: BASE_PANE }), interactive: false, style: { ...LAND_STYLE, weight: 0.6 } };
        regionLayer = L.geoJSON(regions, options);
        showScale();
      });
    }
    const shown = regional && regionLayer ? regionLayer : countryLayer;
    const hidden = shown === countryLayer ? regionLayer : countryLayer;
    if (hidden) base.removeLayer(hidden);
    base.addLayer(shown);
    // Which shapes are drawn, for tests to know.
    map.getContainer().dataset.baseShapes = shown === countryLayer ? 'countries' : 'regions';
  };
  map.on('zoomend', showScale);
  base.on('remove', () => map.off('zoomend', showScale));
  base.addTo(map);
  showScale();
  return base;
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
