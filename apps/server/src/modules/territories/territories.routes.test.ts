import { TerritoryDetailView, TerritoryList, type TerritoryView } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';

describe('territories API', () => {
  let t: TestApp;
  const list = async (query = '', headers: Record<string, string> = {}) => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/territories${query}`, headers });
    expect(response.statusCode).toBe(200);
    return TerritoryList.parse(response.json());
  };
  const byCode = async (code: string) => (await list('?limit=500')).items.find((item) => item.code === code)!;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
  });
  afterAll(() => t.close());

  it('lists the demo corridor as a hierarchy of countries, regions and departments', async () => {
    const { items, nextCursor } = await list('?limit=500');
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.code)).toEqual([
      'BE', 'BE-BRU', 'IT', 'IT-34', 'SN', 'SN-DB', 'SN-DB-BAM', 'SN-DB-DIO', 'SN-DB-MBA',
    ]);
    const senegal = items.find((item) => item.code === 'SN')!;
    const diourbel = items.find((item) => item.code === 'SN-DB')!;
    expect(senegal).toMatchObject({ level: 'country', parentId: null, countryCode: 'SN', name: 'Senegal' });
    expect(diourbel).toMatchObject({ level: 'region', parentId: senegal.id });
    expect(items.filter((item) => item.parentId === diourbel.id).map((item) => item.name).sort()).toEqual([
      'Bambey', 'Diourbel', 'Mbacké',
    ]);
  });

  it('names territories in the requested language, country names from the ISO package', async () => {
    const french = await list('?limit=500&locale=fr');
    const names = Object.fromEntries(french.items.map((item) => [item.code, item.name]));
    expect(names).toMatchObject({ SN: 'Sénégal', BE: 'Belgique', IT: 'Italie', 'IT-34': 'Vénétie' });
    const arabic = await list('?limit=500', { 'accept-language': 'ar-MA,ar;q=0.9' });
    expect(arabic.items.find((item) => item.code === 'SN')).toMatchObject({ name: 'السنغال', nameLocale: 'ar' });
  });

  it('falls back to English for an unknown locale', async () => {
    const { items } = await list('?limit=500&locale=de');
    expect(items.find((item) => item.code === 'BE')).toMatchObject({ name: 'Belgium', nameLocale: 'en' });
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const seen: TerritoryView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: TerritoryView[]; nextCursor: string | null } = await list(
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen.map((item) => item.code)).toEqual((await list('?limit=500')).items.map((item) => item.code));
  });

  it('filters by parent, level and country', async () => {
    const diourbel = await byCode('SN-DB');
    expect((await list(`?parentId=${diourbel.id}`)).items).toHaveLength(3);
    expect((await list('?level=country')).items.map((item) => item.code)).toEqual(['BE', 'IT', 'SN']);
    expect((await list('?countryCode=IT')).items.map((item) => item.code)).toEqual(['IT', 'IT-34']);
  });

  it('shows one territory with its ancestors and children', async () => {
    const diourbel = await byCode('SN-DB');
    const response = await t.inject({ method: 'GET', url: `/api/v1/territories/${diourbel.id}?locale=fr` });
    expect(response.statusCode).toBe(200);
    const detail = TerritoryDetailView.parse(response.json());
    expect(detail.ancestors.map((item) => item.name)).toEqual(['Sénégal']);
    expect(detail.children.map((item) => item.code)).toEqual(['SN-DB-BAM', 'SN-DB-DIO', 'SN-DB-MBA']);

    const mbacke = await byCode('SN-DB-MBA');
    const deep = TerritoryDetailView.parse(
      (await t.inject({ method: 'GET', url: `/api/v1/territories/${mbacke.id}` })).json(),
    );
    expect(deep.ancestors.map((item) => item.code)).toEqual(['SN', 'SN-DB']);
    expect(deep.children).toEqual([]);
  });

  it('when the territory does not exist, answers 404 territory.not_found', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/territories/00000000-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'territory.not_found' });
  });

  it('when the id or the filters are malformed, answers 400 naming each field', async () => {
    const badId = await t.inject({ method: 'GET', url: '/api/v1/territories/42' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([expect.objectContaining({ pointer: '/id', in: 'params' })]);

    const badQuery = await t.inject({ method: 'GET', url: '/api/v1/territories?limit=0&level=planet' });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/level', '/limit']);
  });

  it('when the cursor was tampered with, answers 400 invalid_cursor', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/territories?cursor=not-a-cursor' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it('seeding the demo twice keeps one copy of each territory', async () => {
    await seedDemo(t.db);
    expect((await list('?limit=500')).items).toHaveLength(9);
  });
});
