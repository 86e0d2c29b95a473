import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { DeskWorkload } from '../../features/cases/components/desk-workload';

export function CaseWorkloadRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{formatMessage({ id: 'cases.title' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'cases.workload.page_title' })}</PageHeading>
      <DeskWorkload />
    </>
  );
}
