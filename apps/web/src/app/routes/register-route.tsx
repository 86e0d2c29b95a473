import type { MeView } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { RegistrationConfirmation, RegistrationForm } from '../../features/auth/components/registration-forms';
import { useSession } from '../../lib/session';

/** A migrant creates their own account. */
export function RegisterRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'auth.register.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'auth.register.intro' })}</p>
      <RegistrationForm />
    </>
  );
}

/** Opened from the link in the confirmation e-mail: `/register/confirm?token=…`. */
export function RegisterConfirmRoute() {
  const { formatMessage } = useIntl();
  const [searchParams] = useSearchParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();

  function onConfirmed(me: MeView) {
    signedIn(me);
    void navigate('/account', { replace: true });
  }

  return (
    <>
      <PageHeading>{formatMessage({ id: 'auth.register.confirm_title' })}</PageHeading>
      <RegistrationConfirmation token={searchParams.get('token') ?? ''} onConfirmed={onConfirmed} />
    </>
  );
}
