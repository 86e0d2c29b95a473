import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { IntakePage } from '../../features/intake/components/intake-page';

/** Public: a person with no account asks a desk for help. Served light on its own (intake.html) too. */
export function IntakeRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'intake.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'intake.intro' })}</p>
      <IntakePage />
    </>
  );
}
