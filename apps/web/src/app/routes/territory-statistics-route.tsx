import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { ProblemMessage } from '../../components/ui/problem-message';
import { useStatisticsTerritory } from '../../features/territory-statistics/api/territory-statistics';
import { StatisticsImport } from '../../features/territory-statistics/components/statistics-import';
import { StatisticsTable } from '../../features/territory-statistics/components/statistics-table';
import { useSession } from '../../lib/session';

export function TerritoryStatisticsRoute() {
  const { territoryId = '' } = useParams();
  const { formatMessage } = useIntl();
  const { can } = useSession();
  const territory = useStatisticsTerritory(territoryId);

  if (territory.isPending) return <LoadingMessage>{formatMessage({ id: 'statistics.loading' })}</LoadingMessage>;
  if (territory.isError) {
    return (
      <>
        <PageHeading>{formatMessage({ id: 'statistics.unavailable' })}</PageHeading>
        <ProblemMessage error={territory.error} onRetry={() => void territory.refetch()} />
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/territories">{formatMessage({ id: 'statistics.back' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'statistics.title' }, { territory: territory.data.name })}</PageHeading>
      <p className="lead">
        {formatMessage({ id: 'statistics.intro' }, { code: territory.data.code })}
      </p>
      <section aria-labelledby="statistics-figures-title" className="page-section">
        <h2 id="statistics-figures-title">{formatMessage({ id: 'statistics.figures_title' })}</h2>
        <StatisticsTable territoryId={territoryId} />
      </section>
      {can('territory_statistics:import') && (
        <section aria-labelledby="statistics-import-title" className="page-section">
          <h2 id="statistics-import-title">{formatMessage({ id: 'statistics.import.title' })}</h2>
          <StatisticsImport />
        </section>
      )}
    </>
  );
}
