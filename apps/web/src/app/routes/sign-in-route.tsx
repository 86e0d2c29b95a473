import type { MeView } from '@glocal/contracts';
import { useRef } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { safeNext } from '../../features/auth/utils/safe-next';
import { useSession } from '../../lib/session';

/** Where someone who must set up two-step sign-in is sent after signing in. */
const TWO_FACTOR_SETUP_PATH = '/account#two-factor';

export function SignInRoute() {
  const { formatMessage } = useIntl();
  const { status, signedIn } = useSession();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(searchParams.get('next'));
  // Set when this page signs someone in, so the "already signed in" redirect does not race it.
  const justSignedIn = useRef(false);

  function onSignedIn(me: MeView) {
    justSignedIn.current = true;
    signedIn(me);
    void navigate(me.mfaEnrollmentRequired ? TWO_FACTOR_SETUP_PATH : next, { replace: true });
  }

  if (status === 'loading') return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if (status === 'signed_in' && !justSignedIn.current) return <Navigate to={next} replace />;

  return (
    <>
      <PageHeading>{formatMessage({ id: 'auth.sign_in.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'auth.sign_in.intro' })}</p>
      <SignInForm onSignedIn={onSignedIn} />
    </>
  );
}
