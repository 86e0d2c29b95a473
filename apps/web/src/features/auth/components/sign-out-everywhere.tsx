import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useSession } from '../../../lib/session';
import { AuthProblem } from './auth-problem';

/** Ends every session of the account, on every device, this one included. */
export function SignOutEverywhere() {
  const { formatMessage } = useIntl();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onClick() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await signOut({ everywhere: true });
      await navigate('/sign-in', { replace: true });
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <section className="page-section" aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title">{formatMessage({ id: 'account.sessions.title' })}</h2>
      <p>{formatMessage({ id: 'account.sessions.intro' })}</p>
      {error != null && <AuthProblem error={error} />}
      <button type="button" className="button button--secondary" aria-disabled={pending || undefined} onClick={() => void onClick()}>
        {formatMessage({ id: 'account.sessions.sign_out_everywhere' })}
      </button>
    </section>
  );
}
