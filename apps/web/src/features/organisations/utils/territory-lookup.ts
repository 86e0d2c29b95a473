import type { TerritoryView } from '@glocal/contracts';

/** What this feature needs of a territory: the app passes them in from the territories feature. */
export type TerritoryOption = Pick<TerritoryView, 'id' | 'code' | 'name' | 'nameLocale'>;

export function territoryById(territories: readonly TerritoryOption[] | undefined): Map<string, TerritoryOption> {
  return new Map((territories ?? []).map((territory) => [territory.id, territory]));
}

/** A language code's name in the reader's language ("wo" → "Wolof"), else the code itself. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
