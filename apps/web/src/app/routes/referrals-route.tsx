import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { IncomingReferrals } from '../../features/case-collaboration/components/incoming-referrals';

/** Cases other desks refer to the reader's desk, waiting for an answer. */
export function ReferralsRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'case_collaboration.incoming.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'case_collaboration.incoming.explain' })}</p>
      <IncomingReferrals />
    </>
  );
}
