import type { TerritoryView } from '@glocal/contracts';
import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useTerritories } from '../api/get-territories';
import { buildTerritoryTree } from '../utils/build-territory-tree';
import { TerritoryTree } from './territory-tree';

/** Every territory of the network, with loading, error and empty states. */
export function TerritoriesOverview({ renderActions }: { renderActions?: (territory: TerritoryView) => ReactNode } = {}) {
  const { formatMessage, locale } = useIntl();
  const territories = useTerritories();
  const tree = useMemo(
    () => (territories.data ? buildTerritoryTree(territories.data, locale) : []),
    [territories.data, locale],
  );

  if (territories.isPending) {
    return <LoadingMessage>{formatMessage({ id: 'territories.loading' })}</LoadingMessage>;
  }
  if (territories.isError) {
    return <ProblemMessage error={territories.error} onRetry={() => void territories.refetch()} />;
  }
  if (tree.length === 0) {
    return <p className="notice">{formatMessage({ id: 'territories.empty' })}</p>;
  }
  return (
    <>
      <p className="territory-count">
        {formatMessage({ id: 'territories.count' }, { count: territories.data.length })}
      </p>
      <TerritoryTree nodes={tree} renderActions={renderActions} />
    </>
  );
}
