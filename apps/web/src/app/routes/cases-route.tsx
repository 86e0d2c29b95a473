import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { CaseBoard } from '../../features/cases/components/case-board';
import { CaseList } from '../../features/cases/components/case-list';
import { useSession } from '../../lib/session';

/** "My cases": the list with its filters, or the board by stage (`?view=board`). */
export function CasesRoute() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  const [search] = useSearchParams();
  const board = search.get('view') === 'board';
  const scope = search.get('scope') === 'mine' ? 'mine' : 'desk';
  return (
    <>
      <PageHeading>{formatMessage({ id: 'cases.title' })}</PageHeading>
      {can('cases:create') && (
        <p>
          <Link to="/cases/new" className="button">
            {formatMessage({ id: 'cases.new.open' })}
          </Link>
        </p>
      )}
      <nav aria-label={formatMessage({ id: 'cases.views' })}>
        <ul className="inline-list">
          <li>
            <Link to="/cases" aria-current={board ? undefined : 'page'}>
              {formatMessage({ id: 'cases.view.list' })}
            </Link>
          </li>
          <li>
            <Link to={`/cases?view=board${scope === 'mine' ? '&scope=mine' : ''}`} aria-current={board ? 'page' : undefined}>
              {formatMessage({ id: 'cases.view.board' })}
            </Link>
          </li>
          <li>
            <Link to="/cases/tasks">{formatMessage({ id: 'cases.view.my_tasks' })}</Link>
          </li>
          {can('desk_workload:read') && (
            <li>
              <Link to="/cases/workload">{formatMessage({ id: 'cases.view.workload' })}</Link>
            </li>
          )}
        </ul>
      </nav>
      {board ? <CaseBoard scope={scope} /> : <CaseList />}
    </>
  );
}
