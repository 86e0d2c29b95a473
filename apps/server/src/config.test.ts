import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('with nothing set, runs the demo on the embedded database under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/data[/\\]pglite$/) });
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('with DATABASE_URL set, uses server PostgreSQL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/glocal' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/glocal' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });

  it('lists every bad variable by name, not only the first', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/x',
      SESSION_SECRET: 'short',
      ENCRYPTION_KEY: 'not-base64',
      SMTP_URL: 'http://mail',
      PUBLIC_URL: 'localhost',
      LOG_LEVEL: 'loud',
      SEED_DEMO: 'maybe',
    };
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const named = (thrown as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(named.sort()).toEqual(Object.keys(env).sort());
    expect((thrown as ConfigError).message).toMatch(/SESSION_SECRET: must be at least 32 characters/);
  });

  it('reads MAP_TILE_URL as an http(s) URL template with {z}, {x} and {y}; unset keeps the offline base layer (null)', () => {
    expect(loadConfig({}).mapTileUrl).toBeNull();
    expect(loadConfig({}).mapTileAttribution).toBeNull();
    expect(loadConfig({ MAP_TILE_ATTRIBUTION: ' © OpenStreetMap contributors ' }).mapTileAttribution).toBe('© OpenStreetMap contributors');
    expect(loadConfig({ MAP_TILE_URL: '' }).mapTileUrl).toBeNull();
    expect(loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' }).mapTileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: 'http://{s}.tile.example.org/{z}/{x}/{y}{r}.png?key=abc' }).mapTileUrl).toBe('http://{s}.tile.example.org/{z}/{x}/{y}{r}.png?key=abc');
    for (const bad of ['ftp://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}.png', 'tiles.example.org/{z}/{x}/{y}.png', 'https://tiles example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}/{y}/{t}.png']) {
      expect(() => loadConfig({ MAP_TILE_URL: bad }), bad).toThrow(/MAP_TILE_URL: must be an http:\/\/ or https:\/\/ URL template with \{z\}, \{x\} and \{y\}/);
    }
  });
});
