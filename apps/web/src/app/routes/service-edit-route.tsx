import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { ServiceEdit } from '../../features/directory/components/service-edit';
import { NotFoundRoute } from './not-found-route';

/** A service's edit page: for its editors only; anyone else gets the not-found page. */
export function ServiceEditRoute() {
  const { formatMessage } = useIntl();
  const { serviceId = '' } = useParams();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/directory/services/${encodeURIComponent(serviceId)}`}>{formatMessage({ id: 'directory.edit.back' })}</Link>
      </p>
      <ServiceEdit key={serviceId} serviceId={serviceId} notFound={<NotFoundRoute />} />
    </>
  );
}
