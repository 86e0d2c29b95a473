import { useIntl } from 'react-intl';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useSession } from '../../../lib/session';
import { useFollows, useToggleFollow } from '../api/remittances';

/** Opt-in: an e-mail when the cheapest way to send in this corridor changes. For people signed in. */
export function FollowCorridor({ from, to }: { from: string; to: string }) {
  const { formatMessage } = useIntl();
  const { status } = useSession();
  const follows = useFollows(status === 'signed_in');
  const toggle = useToggleFollow();
  if (status !== 'signed_in' || !follows.data) return null;
  const following = follows.data.items.some((follow) => follow.corridor === `${from}-${to}`);
  return (
    <div className="inline-actions">
      <button type="button" className="button button--secondary" aria-pressed={following} aria-disabled={toggle.isPending}
        onClick={() => !toggle.isPending && toggle.mutate({ from, to, follow: !following })}>
        {formatMessage(following ? { id: 'remittances.follow.stop' } : { id: 'remittances.follow.start' })}
      </button>
      {following && <p className="muted">{formatMessage({ id: 'remittances.follow.explained' })}</p>}
      {toggle.isError && <ProblemMessage error={toggle.error} />}
    </div>
  );
}
