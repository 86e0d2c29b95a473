import type { MeView } from '@glocal/contracts';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { InvitationAcceptance, InvitationUnusable } from '../../features/auth/components/invitation-acceptance';
import { ApiProblem } from '../../lib/api-problem';
import { useSession } from '../../lib/session';

/** Opened from the link in an invitation e-mail: `/invitations/accept?token=…`. */
export function InvitationAcceptRoute() {
  const { formatMessage } = useIntl();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [addedToExistingAccount, setAddedToExistingAccount] = useState(false);

  function onAccepted(me: MeView | null) {
    if (!me) {
      setAddedToExistingAccount(true);
      return;
    }
    signedIn(me);
    void navigate(me.mfaEnrollmentRequired ? '/account#two-factor' : '/account', { replace: true });
  }

  return (
    <>
      <PageHeading>{formatMessage({ id: 'auth.invitation.title' })}</PageHeading>
      {addedToExistingAccount ? (
        <div className="notice" role="status">
          <p>{formatMessage({ id: 'auth.invitation.added' })}</p>
          <p>
            <Link to="/sign-in?next=%2Faccount">{formatMessage({ id: 'auth.invitation.sign_in' })}</Link>
          </p>
        </div>
      ) : token ? (
        <InvitationAcceptance token={token} onAccepted={onAccepted} />
      ) : (
        <InvitationUnusable error={new ApiProblem('invitation.not_found', 404)} />
      )}
    </>
  );
}
