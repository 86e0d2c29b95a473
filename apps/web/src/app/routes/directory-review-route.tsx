import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { ReviewQueue } from '../../features/directory/components/review-queue';

/** Services to check (stale or flagged), for desk staff, territory officers and the entries' owners. */
export function DirectoryReviewRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.review_queue.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'directory.review_queue.intro' })}</p>
      <ReviewQueue />
    </>
  );
}
