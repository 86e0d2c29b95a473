import { TerritoryList, type Locale, type LocalizedNames, type TerritoryLevel } from '@glocal/contracts';

interface FixtureTerritory {
  id: string;
  code: string;
  level: TerritoryLevel;
  parentId: string | null;
  countryCode: string;
  names: LocalizedNames;
}

// The demo corridors: Diourbel (Senegal) with Veneto (Italy) and Brussels (Belgium).
const SENEGAL = '00000000-0000-4000-8000-000000000001';
const DIOURBEL_REGION = '00000000-0000-4000-8000-000000000011';
const ITALY = '00000000-0000-4000-8000-000000000002';
const BELGIUM = '00000000-0000-4000-8000-000000000003';

const TERRITORIES: FixtureTerritory[] = [
  { id: SENEGAL, code: 'SN', level: 'country', parentId: null, countryCode: 'SN', names: { en: 'Senegal', fr: 'Sénégal', ar: 'السنغال' } },
  { id: DIOURBEL_REGION, code: 'SN-DB', level: 'region', parentId: SENEGAL, countryCode: 'SN', names: { en: 'Diourbel', fr: 'Diourbel' } },
  { id: '00000000-0000-4000-8000-000000000111', code: 'SN-DB-DI', level: 'department', parentId: DIOURBEL_REGION, countryCode: 'SN', names: { en: 'Diourbel' } },
  { id: '00000000-0000-4000-8000-000000000112', code: 'SN-DB-MB', level: 'department', parentId: DIOURBEL_REGION, countryCode: 'SN', names: { en: 'Mbacké' } },
  { id: '00000000-0000-4000-8000-000000000113', code: 'SN-DB-BA', level: 'department', parentId: DIOURBEL_REGION, countryCode: 'SN', names: { en: 'Bambey' } },
  { id: ITALY, code: 'IT', level: 'country', parentId: null, countryCode: 'IT', names: { en: 'Italy', fr: 'Italie', it: 'Italia' } },
  { id: '00000000-0000-4000-8000-000000000021', code: 'IT-34', level: 'region', parentId: ITALY, countryCode: 'IT', names: { en: 'Veneto', fr: 'Vénétie' } },
  { id: BELGIUM, code: 'BE', level: 'country', parentId: null, countryCode: 'BE', names: { en: 'Belgium', fr: 'Belgique' } },
  { id: '00000000-0000-4000-8000-000000000031', code: 'BE-BRU', level: 'region', parentId: BELGIUM, countryCode: 'BE', names: { en: 'Brussels-Capital', fr: 'Bruxelles-Capitale' } },
];

/**
 * What `GET /api/v1/territories?locale=…` answers for the demo data, names resolved as the
 * server does (requested language, else English), and checked against the shared contract.
 */
export function territoryListFixture(locale: Locale = 'en'): TerritoryList {
  return TerritoryList.parse({
    items: TERRITORIES.map((territory) => {
      const nameLocale = territory.names[locale] ? locale : 'en';
      return { ...territory, name: territory.names[nameLocale], nameLocale };
    }),
    nextCursor: null,
  });
}
