import { PublicConfigView } from '@glocal/contracts';
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi } from '../../../testing/staff-api';
import { ServiceMap } from './service-map';

const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png';
const withConfig = (mapTileUrl: string | null, mapTileAttribution: string | null = null) =>
  fakeStaffApi({ 'GET /api/v1/config': () => jsonResponse(PublicConfigView.parse({ mapTileUrl, mapTileAttribution })) }, null);

// jsdom lays nothing out and draws on no canvas: give the map a size, so that Leaflet asks for the
// tiles in view, and canvases a 2D context that draws nothing.
const size = (['clientWidth', 'clientHeight'] as const).map((property) => [property, Object.getOwnPropertyDescriptor(HTMLElement.prototype, property)] as const);
const getContext = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'getContext');
beforeAll(() => {
  for (const [property] of size) Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => 512 });
  const context = new Proxy({}, { get: () => () => undefined, set: () => true });
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => context });
});
afterAll(() => {
  for (const [property, descriptor] of size) if (descriptor) Object.defineProperty(HTMLElement.prototype, property, descriptor);
  if (getContext) Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', getContext);
});

const tiles = (map: HTMLElement) => [...map.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((image) => image.getAttribute('src') ?? '');

describe('the directory map’s base layer', { timeout: 20_000 }, () => {
  it('draws the tile server the server is configured with (MAP_TILE_URL, read at run time)', async () => {
    const { sent } = withConfig(TILES, '© <OpenStreetMap> contributors');
    await renderWithProviders(<ServiceMap points={[['33333333-3333-4333-8333-333333333333', 14.65, -16.23]]} onSelect={() => {}} />);
    const map = screen.getByTestId('service-map');
    await waitFor(() => expect(tiles(map).length).toBeGreaterThan(0));
    expect(tiles(map).every((src) => /^https:\/\/tiles\.example\.org\/\d+\/\d+\/\d+\.png$/.test(src))).toBe(true);
    expect(sent.map((request) => request.url.pathname)).toContain('/api/v1/config');
    // The tile server's credit, as text, and no longer Natural Earth's.
    const credit = map.querySelector('.leaflet-control-attribution')!;
    expect(credit.textContent).toBe('© <OpenStreetMap> contributors');
    expect(credit.querySelector('OpenStreetMap')).toBeNull();
  });

  it('keeps the offline Natural Earth shapes, and asks no tile server, when none is configured', async () => {
    withConfig(null);
    await renderWithProviders(<ServiceMap points={[]} onSelect={() => {}} />);
    const map = screen.getByTestId('service-map');
    await waitFor(() => expect(map.querySelector('.leaflet-glocal-base-pane canvas')).not.toBeNull());
    expect(tiles(map)).toEqual([]);
    expect(map.querySelector('.leaflet-control-attribution')!.textContent).toBe('Natural Earth');
  });

  it('shows countries from afar and Natural Earth’s regions once zoomed in on a territory, offline', async () => {
    withConfig(null);
    const worldwide = await renderWithProviders(<ServiceMap points={[['33333333-3333-4333-8333-333333333333', 14.65, -16.23], ['44444444-4444-4444-8444-444444444444', 50.85, 4.35], ['55555555-5555-4555-8555-555555555555', -0.18, -78.47]]} onSelect={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('service-map').dataset.baseShapes).toBe('countries'));
    worldwide.unmount();

    withConfig(null);
    await renderWithProviders(<ServiceMap points={[['33333333-3333-4333-8333-333333333333', 14.65, -16.23]]} onSelect={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('service-map').dataset.baseShapes).toBe('regions'));
  });
});
