import type { TerritoryView } from '@glocal/contracts';

/** What a list of territories to choose from needs of each. */
export type TerritoryChoice = Pick<TerritoryView, 'id' | 'code' | 'name'>;

/** Territories sorted by name in the reader's language, then by code (two "Diourbel" exist). */
export function sortTerritories<T extends TerritoryChoice>(territories: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale);
  return [...territories].sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}
