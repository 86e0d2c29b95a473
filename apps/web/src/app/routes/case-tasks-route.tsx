import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { MyTasks } from '../../features/cases/components/case-tasks';

export function CaseTasksRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{formatMessage({ id: 'cases.title' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'cases.my_tasks.title' })}</PageHeading>
      <MyTasks />
    </>
  );
}
