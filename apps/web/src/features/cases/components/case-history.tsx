import type { StageTransitionView } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { STAGE_MESSAGES } from '../utils/case-messages';

/** An entry another part of the case adds to its history (a service referral…), already worded. */
export type CaseHistoryEvent = { key: string; at: string; text: string };

/** The case's history, newest first: who moved the project, when, from where to where, and why; and the events other panels add. */
export function CaseHistory({ history, events = [] }: { history: readonly StageTransitionView[]; events?: readonly CaseHistoryEvent[] }) {
  const { formatMessage, formatDate } = useIntl();
  const entries = [
    ...history.map((move, order) => ({
      order,
      key: move.id,
      at: move.movedAt,
      text: formatMessage(move.fromStage ? { id: 'cases.history.moved' } : { id: 'cases.history.opened' }, {
        from: move.fromStage ? formatMessage(STAGE_MESSAGES[move.fromStage]) : '',
        to: formatMessage(STAGE_MESSAGES[move.toStage]),
        who: move.movedBy?.displayName ?? formatMessage({ id: 'cases.history.the_person' }),
        when: formatDate(move.movedAt, { dateStyle: 'medium', timeStyle: 'short' }),
      }),
      reason: move.reason,
    })),
    ...events.map((event) => ({ ...event, order: -1, reason: null })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.order - a.order));
  if (entries.length === 0) return <p className="muted">{formatMessage({ id: 'cases.history.empty' })}</p>;
  return (
    <ol className="link-list">
      {entries.map((entry) => (
        <li key={entry.key}>
          <p>{entry.text}</p>
          {entry.reason && <p className="muted">{formatMessage({ id: 'cases.history.reason' }, { reason: entry.reason })}</p>}
        </li>
      ))}
    </ol>
  );
}
