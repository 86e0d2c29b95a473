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
