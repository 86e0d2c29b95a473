import { CountryList, CurrencyList, LanguageList } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';

describe('reference data API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('lists every ISO 3166-1 country, named in the reader language', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/reference/countries?locale=fr' });
    const { items, nextCursor } = CountryList.parse(response.json());
    expect(nextCursor).toBeNull();
    expect(items.length).toBeGreaterThanOrEqual(249);
    expect(items.find((item) => item.code === 'SN')).toEqual({ code: 'SN', alpha3: 'SEN', numeric: '686', name: 'Sénégal' });
  });

  it('lists ISO 4217 currencies with their minor units', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/reference/currencies?locale=es' });
    const { items } = CurrencyList.parse(response.json());
    expect(items.find((item) => item.code === 'XOF')).toMatchObject({ number: '952', digits: 0 });
    expect(items.find((item) => item.code === 'EUR')).toMatchObject({ digits: 2, name: 'euro' });
  });

  it('lists ISO 639-1 languages with their own names, in Arabic when asked', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/reference/languages', headers: { 'accept-language': 'ar' } });
    const { items } = LanguageList.parse(response.json());
    expect(items.find((item) => item.code === 'fr')).toMatchObject({ name: 'الفرنسية', nativeName: 'Français' });
    expect(items.some((item) => item.code === 'wo')).toBe(true);
  });
});
