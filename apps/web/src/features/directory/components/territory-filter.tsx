import { useIntl } from 'react-intl';
import { TerritorySelect } from '../../territories/components/territory-select';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';

/** The "Territory" filter of the directory's search forms: one territory (its sub-territories included), or any. */
export function TerritoryFilter(props: { territories: readonly TerritoryChoice[] | undefined; value: string; onChange: (territoryId: string) => void }) {
  const { formatMessage } = useIntl();
  return <TerritorySelect {...props} label={formatMessage({ id: 'directory.filters.territory' })} noneLabel={formatMessage({ id: 'directory.filters.any' })} />;
}
