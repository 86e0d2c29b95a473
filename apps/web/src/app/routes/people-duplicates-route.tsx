import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { DuplicatePairs } from '../../features/people/components/duplicate-pairs';

/** People flagged as possibly the same person at the reader's desks, for a desk manager to decide. */
export function PeopleDuplicatesRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'people.duplicates.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'people.duplicates.explain' })}</p>
      <DuplicatePairs />
    </>
  );
}
