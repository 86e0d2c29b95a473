import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useCaseBoard } from '../api/cases';
import { STAGE_MESSAGES } from '../utils/case-messages';

/** Open business projects of my desks by stage: one column per stage, its count, its newest cards. */
export function CaseBoard({ scope }: { scope: 'desk' | 'mine' }) {
  const { formatMessage } = useIntl();
  const board = useCaseBoard(scope);
  if (board.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.board.loading' })}</LoadingMessage>;
  if (board.isError) return <ProblemMessage error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <div className="case-board" role="list" aria-label={formatMessage({ id: 'cases.board.label' })}>
      {board.data.columns.map((column) => {
        const headingId = `board-${column.stage}`;
        return (
          <section key={column.stage} className="case-board__column card" role="listitem" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {formatMessage({ id: 'cases.board.column' }, { stage: formatMessage(STAGE_MESSAGES[column.stage]), count: column.count })}
            </h2>
            {column.items.length === 0 ? (
              <p className="muted">{formatMessage({ id: 'cases.board.empty' })}</p>
            ) : (
              <ul className="link-list">
                {column.items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/cases/${item.id}`}>{formatMessage({ id: 'cases.list.item_title' }, { name: item.personName, reference: item.reference })}</Link>
                  </li>
                ))}
              </ul>
            )}
            {column.count > column.items.length && (
              <p>
                <Link to={`/cases?stage=${column.stage}${scope === 'mine' ? '&scope=mine' : ''}`}>
                  {formatMessage({ id: 'cases.board.see_all' }, { count: column.count })}
                </Link>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
