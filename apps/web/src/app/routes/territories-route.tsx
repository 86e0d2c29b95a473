import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { TerritoriesOverview } from '../../features/territories/components/territories-overview';
import { useSession } from '../../lib/session';

export function TerritoriesRoute() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'territories.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'territories.intro' })}</p>
      <TerritoriesOverview
        renderActions={
          can('territory_statistics:read')
            ? (territory) => (
                <Link
                  to={`/territories/${territory.id}/statistics`}
                  className="territory-tree__link"
                  aria-label={formatMessage({ id: 'territories.item.statistics_label' }, { name: territory.name, code: territory.code })}
                >
                  {formatMessage({ id: 'territories.item.statistics' })}
                </Link>
              )
            : undefined
        }
      />
    </>
  );
}
