import type { Locale, LocalizedNames, TerritoryView } from '@glocal/contracts';
import { pickName } from '../../platform/i18n/locale.js';
import type { TerritoryRow } from './territories.repository.js';

export type NameRow = { territoryId: string; locale: string; name: string };

export function groupNames(rows: NameRow[]): Map<string, LocalizedNames> {
  const byTerritory = new Map<string, LocalizedNames>();
  for (const row of rows) {
    const names = byTerritory.get(row.territoryId) ?? {};
    names[row.locale as Locale] = row.name;
    byTerritory.set(row.territoryId, names);
  }
  return byTerritory;
}

export function toTerritoryView(row: TerritoryRow, names: LocalizedNames, locale: Locale): TerritoryView {
  const picked = pickName(names, locale);
  return {
    id: row.id,
    code: row.code,
    level: row.level,
    parentId: row.parentId,
    countryCode: row.countryCode,
    name: picked?.name ?? row.code,
    nameLocale: picked?.locale ?? 'en',
    names,
  };
}
