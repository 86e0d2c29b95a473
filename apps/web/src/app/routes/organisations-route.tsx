import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { OrganisationDirectory } from '../../features/organisations/components/organisation-directory';
import { useTerritories } from '../../features/territories/api/get-territories';
import { useSession } from '../../lib/session';

export function OrganisationsRoute() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  const territories = useTerritories();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'organisations.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'organisations.intro' })}</p>
      {can('organisations:create') && (
        <p>
          <Link to="/organisations/new" className="button">
            {formatMessage({ id: 'organisations.create.link' })}
          </Link>
        </p>
      )}
      <OrganisationDirectory territories={territories.data} />
    </>
  );
}
