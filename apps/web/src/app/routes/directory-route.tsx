import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { DirectorySearch } from '../../features/directory/components/directory-search';
import { useTerritories } from '../../features/territories/api/get-territories';
import { useSession } from '../../lib/session';

export function DirectoryRoute() {
  const { formatMessage } = useIntl();
  const territories = useTerritories();
  const { can } = useSession();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'directory.intro' })}</p>
      <ul className="link-list link-list--inline">
        <li>
          <Link to="/directory/opportunities">{formatMessage({ id: 'directory.opportunities.link' })}</Link>
        </li>
        {can('directory:edit') && (
          <li>
            <Link to="/directory/services/new">{formatMessage({ id: 'directory.new.link' })}</Link>
          </li>
        )}
        {can('directory:review') && (
          <li>
            <Link to="/directory/review">{formatMessage({ id: 'directory.review_queue.nav' })}</Link>
          </li>
        )}
        {can('directory:import') && (
          <li>
            <Link to="/directory/import">{formatMessage({ id: 'directory.import.link' })}</Link>
          </li>
        )}
      </ul>
      <DirectorySearch territories={territories.data} />
    </>
  );
}
