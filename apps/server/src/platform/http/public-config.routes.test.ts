import { PublicConfigView } from '@glocal/contracts';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.js';

describe('GET /api/v1/config', () => {
  it('answers the configured map tile server to anyone, signed in or not', async () => {
    const t = await buildTestApp({ env: { MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' } });
    try {
      const response = await t.inject({ method: 'GET', url: '/api/v1/config' });
      expect(response.statusCode, response.body).toBe(200);
      expect(PublicConfigView.parse(response.json())).toEqual({ mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapTileAttribution: '© OpenStreetMap contributors' });
      expect(response.headers['cache-control']).toBe('public, max-age=300');
    } finally {
      await t.close();
    }
  });

  it('answers null when MAP_TILE_URL is unset: the web keeps the offline Natural Earth base layer', async () => {
    const t = await buildTestApp();
    try {
      const response = await t.inject({ method: 'GET', url: '/api/v1/config' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ mapTileUrl: null, mapTileAttribution: null });
    } finally {
      await t.close();
    }
  });
});
