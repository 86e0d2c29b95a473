import type { StageTransitionView } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { STAGE_MESSAGES } from '../utils/case-messages';

/** Who moved the project, when, from where to where, and why. */
export function CaseHistory({ history }: { history: readonly StageTransitionView[] }) {
  const { formatMessage, formatDate } = useIntl();
  if (history.length === 0) return <p className="muted">{formatMessage({ id: 'cases.history.empty' })}</p>;
  return (
    <ol className="link-list">
      {[...history].reverse().map((move) => (
        <li key={move.id}>
          <p>
            {formatMessage(
              move.fromStage ? { id: 'cases.history.moved' } : { id: 'cases.history.opened' },
              {
                from: move.fromStage ? formatMessage(STAGE_MESSAGES[move.fromStage]) : '',
                to: formatMessage(STAGE_MESSAGES[move.toStage]),
                who: move.movedBy?.displayName ?? formatMessage({ id: 'cases.history.the_person' }),
                when: formatDate(move.movedAt, { dateStyle: 'medium', timeStyle: 'short' }),
              },
            )}
          </p>
          {move.reason && <p className="muted">{formatMessage({ id: 'cases.history.reason' }, { reason: move.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
