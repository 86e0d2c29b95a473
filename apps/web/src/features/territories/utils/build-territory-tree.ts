import type { TerritoryView } from '@glocal/contracts';

export interface TerritoryNode {
  territory: TerritoryView;
  children: TerritoryNode[];
}

/**
 * Nests a flat list by `parentId`, siblings sorted by name in the reader's language.
 * A territory whose parent is not in the list becomes a root rather than disappearing.
 */
export function buildTerritoryTree(territories: readonly TerritoryView[], locale: string): TerritoryNode[] {
  const nodes = new Map<string, TerritoryNode>(
    territories.map((territory) => [territory.id, { territory, children: [] }]),
  );
  const roots: TerritoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.territory.parentId === null ? undefined : nodes.get(node.territory.parentId);
    (parent ? parent.children : roots).push(node);
  }

  const collator = new Intl.Collator(locale);
  const sortByName = (siblings: TerritoryNode[]) => {
    siblings.sort((a, b) => collator.compare(a.territory.name, b.territory.name));
    siblings.forEach((node) => sortByName(node.children));
  };
  sortByName(roots);
  return roots;
}
