import { describe, expect, it } from 'vitest';
import { territoryListFixture } from '../testing/territory-list.fixture';
import { buildTerritoryTree, type TerritoryNode } from './build-territory-tree';

const names = (nodes: TerritoryNode[]) => nodes.map((node) => node.territory.name);

describe('buildTerritoryTree', () => {
  it('nests every territory under its parent', () => {
    const roots = buildTerritoryTree(territoryListFixture().items, 'en');

    const senegal = roots.find((node) => node.territory.code === 'SN');
    const diourbel = senegal?.children[0];
    expect(names(roots)).toEqual(['Belgium', 'Italy', 'Senegal']);
    expect(names(senegal?.children ?? [])).toEqual(['Diourbel']);
    expect(names(diourbel?.children ?? [])).toEqual(['Bambey', 'Diourbel', 'Mbacké']);
  });

  it('sorts siblings by name in the reader’s language', () => {
    const roots = buildTerritoryTree(territoryListFixture('fr').items, 'fr');

    // "É" sorts with "E" in French, not after "Z" as a code-point sort would put it.
    expect(names(roots)).toEqual(['Belgique', 'Italie', 'Sénégal']);
  });

  it('keeps a territory whose parent is missing, as a root', () => {
    const veneto = territoryListFixture().items.find((territory) => territory.code === 'IT-34')!;

    expect(names(buildTerritoryTree([veneto], 'en'))).toEqual(['Veneto']);
  });

  it('answers an empty tree for no territories', () => {
    expect(buildTerritoryTree([], 'en')).toEqual([]);
  });
});
