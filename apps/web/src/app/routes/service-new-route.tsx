import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ServiceCreate } from '../../features/directory/components/service-create';
import { NotFoundRoute } from './not-found-route';

/** A new directory service: for those the API lets add one; anyone else gets the not-found page. */
export function ServiceNewRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/directory">{formatMessage({ id: 'directory.new.back' })}</Link>
      </p>
      <ServiceCreate notFound={<NotFoundRoute />} />
    </>
  );
}
