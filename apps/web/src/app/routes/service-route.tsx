import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { ServiceDetails } from '../../features/directory/components/service-details';

export function ServiceRoute() {
  const { formatMessage } = useIntl();
  const { serviceId = '' } = useParams();
  return (
    <>
      <p>
        <Link to="/directory">{formatMessage({ id: 'directory.service.back' })}</Link>
      </p>
      <ServiceDetails key={serviceId} serviceId={serviceId} />
    </>
  );
}
