import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { ProviderReporting } from '../../features/remittances/components/provider-reporting';

/** Providers' staff: their products, latest prices and their age; a new price, a new product. */
export function RemittancesProviderRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'remittances.provider.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'remittances.provider.intro' })}</p>
      <ProviderReporting />
    </>
  );
}
