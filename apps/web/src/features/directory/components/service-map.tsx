import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import Supercluster from 'supercluster';
import { useBaseLayer } from '../utils/map-base-layer';

export interface ServiceMapProps {
  /** `[serviceId, latitude, longitude]` for every matching service. */
  points: readonly (readonly [string, number, number])[];
  onSelect: (serviceId: string) => void;
  /** Where to look first (the reader's position), else the points' extent. */
  centre?: { lat: number; lon: number } | undefined;
}

type PointProps = { id: string };

/**
 * Leaflet with country shapes from Natural Earth (world-atlas) drawn on a canvas, so it works with
 * no internet; supercluster groups the points, and only the clusters in view are drawn, which keeps
 * 10,000 points smooth on a phone. Loaded on demand: the home page never downloads it.
 */
export function ServiceMap({ points, onSelect, centre }: ServiceMapProps) {
  const { formatMessage } = useIntl();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = L.map(element.current, { preferCanvas: true, worldCopyJump: true, zoomControl: true, attributionControl: true });
    instance.attributionControl.setPrefix(false);
    instance.setView([30, 5], 3);
    layer.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
    };
  }, []);

  useBaseLayer(map);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !layer.current) return undefined;
    const index = new Supercluster<PointProps>({ radius: 60, maxZoom: 16 });
    index.load(points.map(([id, lat, lon]) => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [lon, lat] } })));
    const group = layer.current;
    const renderer = L.canvas({ padding: 0.5 });

    function draw() {
      if (!instance) return;
      group.clearLayers();
      const bounds = instance.getBounds();
      const clusters = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], Math.round(instance.getZoom()));
      for (const cluster of clusters) {
        const [lon, lat] = cluster.geometry.coordinates as [number, number];
        const properties = cluster.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
        if (properties.cluster) {
          const count = properties.point_count ?? 0;
          const marker = L.marker([lat, lon], {
            icon: L.divIcon({ className: 'service-map__cluster', html: `<span>${count}</span>`, iconSize: [36, 36] }),
            keyboard: false,
            title: formatMessage({ id: 'directory.map.cluster' }, { count }),
          });
          marker.on('click', () => instance.setView([lat, lon], Math.min(index.getClusterExpansionZoom(properties.cluster_id!), 18)));
          group.addLayer(marker);
        } else {
          const marker = L.circleMarker([lat, lon], { renderer, radius: 7, color: '#ffffff', weight: 2, fillColor: '#0b6e4f', fillOpacity: 1 });
          marker.on('click', () => select.current(properties.id!));
          group.addLayer(marker);
        }
      }
      // What was drawn, for tests and the benchmark to know the map is ready.
      const container = instance.getContainer();
      container.dataset.drawn = String(clusters.length);
      container.dataset.draws = String(Number(container.dataset.draws ?? 0) + 1);
    }

    if (centre) instance.setView([centre.lat, centre.lon], 11);
    else if (points.length > 0) instance.fitBounds(L.latLngBounds(points.map(([, lat, lon]) => [lat, lon] as [number, number])), { padding: [24, 24], maxZoom: 12 });
    draw();
    instance.on('moveend', draw);
    return () => {
      instance.off('moveend', draw);
    };
  }, [points, centre, formatMessage]);

  return <div ref={element} className="service-map" data-testid="service-map" data-points={points.length} role="region" aria-label={formatMessage({ id: 'directory.map.label' })} />;
}
