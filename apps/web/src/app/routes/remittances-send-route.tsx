import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { SendMoney } from '../../features/remittances/components/send-money';

/** Public, phone-first: compare the ways to send money home. */
export function RemittancesSendRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'remittances.send.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'remittances.send.intro' })}</p>
      <SendMoney />
    </>
  );
}
