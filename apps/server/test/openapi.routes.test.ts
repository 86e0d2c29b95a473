import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './build-test-app.js';

describe('API description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/territories', '/api/v1/territories/{id}', '/health', '/ready']),
    );
    const list = document.paths['/api/v1/territories'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'parentId', 'level', 'locale']),
    );
    const listSchema = list.responses['200'].content['application/json'].schema;
    expect(Object.keys(listSchema.properties)).toEqual(['items', 'nextCursor']);
  });

  // JSON GETs that do not end on a record's id are lists, except these single documents.
  const NOT_LISTS = [
    '/api/v1/auth/me',
    '/api/v1/invitations/lookup',
    '/api/v1/audit-events/export.csv',
    '/api/v1/audit-events/verification',
    '/api/v1/cases/board',
    '/api/v1/cases/outcomes/summary',
    '/api/v1/cases/workload',
    '/api/v1/me/requests/export.json',
    '/api/v1/me/requests/export.html',
    '/api/v1/me/requests/erasure',
    '/api/v1/remittances/reports/savings',
    '/api/v1/remittances/reports/corridors/{corridor}/csv',
    '/api/v1/directory/map-points',
    '/api/v1/directory/exports',
    '/api/v1/intake/options',
    '/api/v1/remittances/corridors/{corridor}/stats',
    '/api/v1/config',
  ];

  it('every list endpoint answers the { items, nextCursor } envelope', async () => {
    const document = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const lists = Object.entries<Record<string, any>>(document.paths)
      .filter(([path, item]) => path.startsWith('/api/v1/') && !path.endsWith('}') && item.get && !NOT_LISTS.includes(path))
      .map(([path, item]) => [path, item.get?.responses?.['200']?.content?.['application/json']?.schema] as const)
      // Files and pages (a document's content, a printable receipt) are not JSON documents at all.
      .filter(([, schema]) => schema?.type === 'object' && schema.properties);
    expect(lists.length).toBeGreaterThan(0);
    for (const [path, schema] of lists) {
      expect(Object.keys(schema.properties), path).toEqual(['items', 'nextCursor']);
    }
  });

  it('serves a readable documentation page', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
