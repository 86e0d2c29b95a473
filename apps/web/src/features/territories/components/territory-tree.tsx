import type { TerritoryView } from '@glocal/contracts';
import { useId, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { TerritoryNode } from '../utils/build-territory-tree';

interface TerritoryTreeProps {
  nodes: readonly TerritoryNode[];
  /** The element naming this list: a nested list is announced as "list, Senegal, 1 item". */
  labelledBy?: string;
  /** Extra links after each territory's details (the app adds what the reader may open). */
  renderActions?: ((territory: TerritoryView) => ReactNode) | undefined;
}

/** The hierarchy as nested lists: every level is readable without scripts, styles or a tree widget. */
export function TerritoryTree({ nodes, labelledBy, renderActions }: TerritoryTreeProps) {
  // The explicit role keeps list semantics in Safari, which drops them when bullets are hidden.
  return (
    <ul className="territory-tree" role="list" aria-labelledby={labelledBy}>
      {nodes.map((node) => (
        <TerritoryTreeItem key={node.territory.id} node={node} renderActions={renderActions} />
      ))}
    </ul>
  );
}

function TerritoryTreeItem({
  node: { territory, children },
  renderActions,
}: {
  node: TerritoryNode;
  renderActions: TerritoryTreeProps['renderActions'];
}) {
  const { formatMessage } = useIntl();
  const nameId = useId();
  const level = formatMessage({ id: `territories.level.${territory.level}` });
  return (
    <li className="territory-tree__item">
      <span className="territory-tree__entry">
        {/* The name may be a fallback in another language: say which, for screen-reader voices. */}
        <span id={nameId} className="territory-tree__name" lang={territory.nameLocale}>
          {territory.name}
        </span>
        <span className="territory-tree__details">
          {formatMessage({ id: 'territories.item.details' }, { level, code: territory.code })}
        </span>
        {renderActions?.(territory)}
      </span>
      {children.length > 0 && <TerritoryTree nodes={children} labelledBy={nameId} renderActions={renderActions} />}
    </li>
  );
}
