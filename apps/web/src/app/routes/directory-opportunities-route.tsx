import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { OpportunityList } from '../../features/directory/components/opportunity-list';
import { useTerritories } from '../../features/territories/api/get-territories';
import { useSession } from '../../lib/session';

export function DirectoryOpportunitiesRoute() {
  const { formatMessage } = useIntl();
  const territories = useTerritories();
  const { can } = useSession();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.opportunities.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'directory.opportunities.intro' })}</p>
      <OpportunityList territories={territories.data} canEdit={can('directory:edit')} />
    </>
  );
}
