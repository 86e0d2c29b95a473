import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { TerritoriesOverview } from '../../features/territories/components/territories-overview';

export function TerritoriesRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'territories.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'territories.intro' })}</p>
      <TerritoriesOverview />
    </>
  );
}
