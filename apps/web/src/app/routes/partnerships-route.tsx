import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { PartnershipList } from '../../features/partnerships/components/partnership-list';
import { useSession } from '../../lib/session';

export function PartnershipsRoute() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'partnerships.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'partnerships.intro' })}</p>
      {can('partnerships:manage') && (
        <p>
          <Link to="/partnerships/new" className="button">
            {formatMessage({ id: 'partnerships.create.link' })}
          </Link>
        </p>
      )}
      <PartnershipList />
    </>
  );
}
