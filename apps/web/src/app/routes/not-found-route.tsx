import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';

export function NotFoundRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'not_found.title' })}</PageHeading>
      <p>{formatMessage({ id: 'not_found.body' })}</p>
      <p>
        <Link to="/">{formatMessage({ id: 'common.back_home' })}</Link>
      </p>
    </>
  );
}
