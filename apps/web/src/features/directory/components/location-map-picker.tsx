import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useBaseLayer } from '../utils/map-base-layer';

export interface LocationMapPickerProps {
  latitude: number | null;
  longitude: number | null;
  /** A point was picked: its coordinates, to six decimals (about 10 cm). */
  onPick: (latitude: number, longitude: number) => void;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The directory's Leaflet map (same base layer), where a click or tap sets a place's point. The
 * coordinates fields stay the accessible way in; the map is a shortcut. Loaded on demand.
 */
export function LocationMapPicker({ latitude, longitude, onPick }: LocationMapPickerProps) {
  const { formatMessage } = useIntl();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const start = useRef(latitude !== null && longitude !== null ? ([latitude, longitude] as [number, number]) : null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = L.map(element.current, { worldCopyJump: true });
    instance.attributionControl.setPrefix(false);
    instance.setView(start.current ?? [30, 5], start.current ? 13 : 3);
    instance.on('click', (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      pick.current(round(lat), round(lng));
    });
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useBaseLayer(map);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    marker.current?.remove();
    marker.current = null;
    if (latitude === null || longitude === null) return;
    marker.current = L.circleMarker([latitude, longitude], { radius: 8, color: '#ffffff', weight: 2, fillColor: '#0b6e4f', fillOpacity: 1, interactive: false }).addTo(instance);
  }, [latitude, longitude]);

  return <div ref={element} className="location-picker__map" data-testid="location-map-picker" role="application" aria-label={formatMessage({ id: 'directory.locations.map_label' })} />;
}
