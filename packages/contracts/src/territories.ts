import { z } from 'zod';
import { CountryCode, Id, Locale, LocalizedNames, PageQuery, listEnvelope } from './common.js';

export const TERRITORY_LEVELS = ['country', 'region', 'department', 'commune'] as const;
export const TerritoryLevel = z.enum(TERRITORY_LEVELS);
export type TerritoryLevel = z.infer<typeof TerritoryLevel>;

export const TerritoryListQuery = PageQuery.extend({
  parentId: Id.optional(),
  level: TerritoryLevel.optional(),
  countryCode: CountryCode.optional(),
  locale: z.string().max(35).optional(),
});
export type TerritoryListQuery = z.infer<typeof TerritoryListQuery>;

export const TerritoryQuery = z.object({ locale: z.string().max(35).optional() });

export const TerritoryView = z.object({
  id: Id,
  /** ISO 3166-1 alpha-2 for countries, ISO 3166-2 where one exists, else a national code. */
  code: z.string(),
  level: TerritoryLevel,
  parentId: Id.nullable(),
  countryCode: CountryCode,
  /** The name in the requested locale, falling back to English, then to any known name. */
  name: z.string(),
  nameLocale: Locale,
  names: LocalizedNames,
});
export type TerritoryView = z.infer<typeof TerritoryView>;

export const TerritoryList = listEnvelope(TerritoryView);
export type TerritoryList = z.infer<typeof TerritoryList>;

export const TerritoryDetailView = TerritoryView.extend({
  ancestors: z.array(TerritoryView),
  children: z.array(TerritoryView),
});
export type TerritoryDetailView = z.infer<typeof TerritoryDetailView>;

export const TerritoryStatisticView = z.object({
  territoryId: Id,
  year: z.number().int(),
  populationTotal: z.number().int().nullable(),
  populationFemale: z.number().int().nullable(),
  populationMale: z.number().int().nullable(),
  foreignBorn: z.number().int().nullable(),
  emigrantsAbroad: z.number().int().nullable(),
  source: z.string(),
});
export type TerritoryStatisticView = z.infer<typeof TerritoryStatisticView>;
export const TerritoryStatisticList = listEnvelope(TerritoryStatisticView);

/** A CSV cell holding a count: digits, or empty for "not known". */
const Count = z
  .string()
  .trim()
  .regex(/^\d*$/, 'a whole number or nothing')
  .transform((value) => (value === '' ? null : Number(value)))
  .refine((value) => value === null || value <= 20_000_000_000, 'too large');

/** One row of a statistics CSV: `territory_code,year,population_total,…,source`. */
export const TerritoryStatisticCsvRow = z
  .object({
    territory_code: z.string().trim().min(2).max(40),
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'a four-digit year')
      .transform(Number)
      .refine((year) => year >= 1900 && year <= 2100, 'between 1900 and 2100'),
    population_total: Count,
    population_female: Count,
    population_male: Count,
    foreign_born: Count,
    emigrants_abroad: Count,
    source: z.string().trim().min(1).max(300),
  })
  .refine(
    (row) =>
      row.population_total === null ||
      row.population_female === null ||
      row.population_male === null ||
      row.population_female + row.population_male <= row.population_total,
    { message: 'women and men add up to more than the total', path: ['population_total'] },
  );

export const TerritoryStatisticImportView = z.object({ imported: z.number().int() });
