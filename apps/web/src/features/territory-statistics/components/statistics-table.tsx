import { useId } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useTerritoryStatistics } from '../api/territory-statistics';

/** Population and migration figures of one territory, one row per year, newest first. */
export function StatisticsTable({ territoryId }: { territoryId: string }) {
  const { formatMessage, formatNumber } = useIntl();
  const statistics = useTerritoryStatistics(territoryId);
  const captionId = useId();

  if (statistics.isPending) return <LoadingMessage>{formatMessage({ id: 'statistics.loading' })}</LoadingMessage>;
  if (statistics.isError) return <ProblemMessage error={statistics.error} onRetry={() => void statistics.refetch()} />;
  if (statistics.data.items.length === 0) return <p className="notice">{formatMessage({ id: 'statistics.empty' })}</p>;

  const count = (value: number | null) =>
    value === null ? <span className="muted">{formatMessage({ id: 'statistics.not_known' })}</span> : formatNumber(value);

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="numeric-table">
        <caption id={captionId}>{formatMessage({ id: 'statistics.table.caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'statistics.table.year' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.population_total' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.population_female' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.population_male' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.foreign_born' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.emigrants_abroad' })}</th>
            <th scope="col">{formatMessage({ id: 'statistics.table.source' })}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.data.items.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td>{count(row.populationTotal)}</td>
              <td>{count(row.populationFemale)}</td>
              <td>{count(row.populationMale)}</td>
              <td>{count(row.foreignBorn)}</td>
              <td>{count(row.emigrantsAbroad)}</td>
              <td className="text-cell">{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
