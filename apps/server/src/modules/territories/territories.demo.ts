import type { Locale, LocalizedNames, TerritoryLevel } from '@glocal/contracts';
import { LOCALES } from '@glocal/contracts';
import type { Executor } from '../../platform/db/database.js';
import { countryName } from '../reference/index.js';
import { territoriesRepository } from './territories.repository.js';

type DemoTerritory = { code: string; level: TerritoryLevel; names?: LocalizedNames; children?: DemoTerritory[] };

/**
 * The S.T.E.P. corridor: Diourbel (Senegal) and the desks' territories in Veneto and Brussels.
 * Country names come from the ISO package; sub-national names are written where known.
 */
const DEMO_TERRITORIES: DemoTerritory[] = [
  {
    code: 'SN',
    level: 'country',
    children: [
      {
        code: 'SN-DB',
        level: 'region',
        names: { en: 'Diourbel', fr: 'Diourbel', es: 'Diourbel', it: 'Diourbel', ar: 'ديوربل' },
        children: [
          { code: 'SN-DB-DIO', level: 'department', names: { en: 'Diourbel', fr: 'Diourbel', es: 'Diourbel', it: 'Diourbel', ar: 'ديوربل' } },
          { code: 'SN-DB-MBA', level: 'department', names: { en: 'Mbacké', fr: 'Mbacké', es: 'Mbacké', it: 'Mbacké', ar: 'امباكي' } },
          { code: 'SN-DB-BAM', level: 'department', names: { en: 'Bambey', fr: 'Bambey', es: 'Bambey', it: 'Bambey', ar: 'بامبي' } },
        ],
      },
    ],
  },
  {
    code: 'IT',
    level: 'country',
    children: [
      { code: 'IT-34', level: 'region', names: { en: 'Veneto', fr: 'Vénétie', es: 'Véneto', it: 'Veneto', ar: 'فينيتو' } },
    ],
  },
  {
    code: 'BE',
    level: 'country',
    children: [
      {
        code: 'BE-BRU',
        level: 'region',
        names: {
          en: 'Brussels-Capital Region',
          fr: 'Région de Bruxelles-Capitale',
          es: 'Región de Bruselas-Capital',
          it: 'Regione di Bruxelles-Capitale',
          ar: 'منطقة بروكسل العاصمة',
        },
      },
    ],
  },
];

const isoCountryNames = (code: string): LocalizedNames =>
  Object.fromEntries(LOCALES.map((locale: Locale) => [locale, countryName(code, locale)]).filter(([, name]) => name));

/** Idempotent: running it twice leaves one copy of each territory. */
export async function seedDemoTerritories(db: Executor): Promise<void> {
  const repository = territoriesRepository(db);
  const visit = async (territory: DemoTerritory, parentId: string | null, countryCode: string) => {
    const id = await repository.upsert({ parentId, level: territory.level, code: territory.code, countryCode });
    await repository.setNames(id, territory.names ?? isoCountryNames(territory.code));
    for (const child of territory.children ?? []) await visit(child, id, countryCode);
  };
  for (const country of DEMO_TERRITORIES) await visit(country, null, country.code);
}

/** Ids of territories by code, for other modules' seeds and imports. */
export async function territoryIdsByCode(db: Executor, codes: string[]): Promise<Record<string, string>> {
  const rows = await db.selectFrom('territory').select(['id', 'code']).where('code', 'in', codes).execute();
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}
