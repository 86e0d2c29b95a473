import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { DeskTransfers } from '../../features/remittances/components/desk-transfers';

/** Desk staff: the transfers their beneficiaries made, recorded to measure what they saved. */
export function RemittancesTransfersRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'remittances.transfers.page_title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'remittances.transfers.page_intro' })}</p>
      <DeskTransfers />
    </>
  );
}
