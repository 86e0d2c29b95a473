// In the header of every page: uses the session only, never the schema library (see lib/session.tsx).
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation, useNavigate } from 'react-router';
import { signInPath, useSession } from '../../../lib/session';

/** "Sign in" for visitors; the person's name (their account page) and "Sign out" once signed in. */
export function AccountMenu() {
  const { formatMessage } = useIntl();
  const { me, status, signOut } = useSession();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);

  if (status === 'loading') return null;

  if (!me) {
    // Back to this page after signing in; not to the sign-in page itself, nor to pages about signing in.
    const here = /^\/(sign-in|register|password-reset|invitations)/.test(pathname) ? '/' : `${pathname}${search}`;
    return (
      <div className="account-menu">
        <Link to={here === '/' ? '/sign-in' : signInPath(here)} className="account-menu__sign-in">
          {formatMessage({ id: 'auth.menu.sign_in' })}
        </Link>
      </div>
    );
  }

  async function onSignOut() {
    if (signingOut) return;
    setSigningOut(true);
    setFailed(false);
    try {
      await signOut();
      await navigate('/');
    } catch {
      setFailed(true);
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <div className="account-menu">
      <Link to="/account" className="account-menu__name" aria-label={formatMessage({ id: 'auth.menu.account' }, { name: me.displayName })}>
        {me.displayName}
      </Link>
      <button type="button" className="button button--secondary" aria-disabled={signingOut || undefined} onClick={() => void onSignOut()}>
        {formatMessage({ id: 'auth.menu.sign_out' })}
      </button>
      {failed && (
        <p className="account-menu__error" role="alert">
          {formatMessage({ id: 'auth.menu.sign_out_failed' })}
        </p>
      )}
    </div>
  );
}
