import { BUSINESS_STAGES, type CaseSummaryView, type DeskWorkloadView } from '@glocal/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useAssignCase, useCaseList } from '../api/cases';
import { useDeskWorkload, useOutcomeSummary } from '../api/workload';
import { OUTCOME_MESSAGES, STAGE_MESSAGES } from '../utils/case-messages';

/** The desk's load for its manager: open cases per coach and stage, overdue tasks; then assignment. */
export function DeskWorkload() {
  const { formatMessage } = useIntl();
  const workload = useDeskWorkload();
  if (workload.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.workload.loading' })}</LoadingMessage>;
  if (workload.isError) return <ProblemMessage error={workload.error} onRetry={() => void workload.refetch()} />;
  const data = workload.data;
  return (
    <>
      <section className="page-section" aria-labelledby="workload-title">
        <h2 id="workload-title">{formatMessage({ id: 'cases.workload.title' })}</h2>
        <p>{formatMessage({ id: 'cases.workload.totals' }, { open: data.openCases, unassigned: data.unassigned, overdue: data.overdueTasks })}</p>
        <div className="table-scroll">
          <table className="numeric-table">
            <caption className="visually-hidden">{formatMessage({ id: 'cases.workload.title' })}</caption>
            <thead>
              <tr>
                <th scope="col">{formatMessage({ id: 'cases.workload.coach' })}</th>
                <th scope="col">{formatMessage({ id: 'cases.workload.open' })}</th>
                {BUSINESS_STAGES.map((stage) => (
                  <th key={stage} scope="col">
                    {formatMessage(STAGE_MESSAGES[stage])}
                  </th>
                ))}
                <th scope="col">{formatMessage({ id: 'cases.workload.overdue' })}</th>
              </tr>
            </thead>
            <tbody>
              {data.coaches.map((row) => (
                <tr key={row.coach.id}>
                  <th scope="row">{row.coach.displayName}</th>
                  <td>{row.openCases}</td>
                  {BUSINESS_STAGES.map((stage) => (
                    <td key={stage}>{row.byStage[stage] ?? 0}</td>
                  ))}
                  <td>{row.overdueTasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <OutcomeCounts deskId={data.deskId} />
      <section className="page-section" aria-labelledby="assign-title">
        <h2 id="assign-title">{formatMessage({ id: 'cases.assign.title' })}</h2>
        <AssignmentList workload={data} />
      </section>
    </>
  );
}

function OutcomeCounts({ deskId }: { deskId: string }) {
  const { formatMessage } = useIntl();
  const summary = useOutcomeSummary(deskId);
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <section className="page-section" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{formatMessage({ id: 'cases.outcomes.title' })}</h2>
      <ul className="link-list">
        <li>{formatMessage({ id: 'cases.outcomes.businesses' }, { count: s.businessesCreated })}</li>
        <li>{formatMessage({ id: 'cases.outcomes.jobs' }, { women: s.jobs.women, men: s.jobs.men, other: s.jobs.other })}</li>
        {s.financing.map((line) => (
          <li key={line.currency}>{formatMessage({ id: 'cases.outcomes.financing' }, { amount: line.amount, currency: line.currency, count: line.count })}</li>
        ))}
        {Object.entries(s.byOutcome).map(([outcome, count]) => (
          <li key={outcome}>
            {formatMessage({ id: 'cases.outcomes.closed' }, { outcome: formatMessage(OUTCOME_MESSAGES[outcome as keyof typeof OUTCOME_MESSAGES]), count })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AssignmentList({ workload }: { workload: DeskWorkloadView }) {
  const { formatMessage } = useIntl();
  const list = useCaseList({ status: 'open' });
  const cases = useMemo(() => (list.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => item.deskId === workload.deskId), [list.data, workload.deskId]);
  if (list.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.list.loading' })}</LoadingMessage>;
  if (list.isError) return <ProblemMessage error={list.error} />;
  return (
    <ul className="result-list" role="list">
      {cases.map((item) => (
        <li key={item.id} className="result-list__item">
          <Link to={`/cases/${item.id}`} className="result-list__title">
            {formatMessage({ id: 'cases.list.item_title' }, { name: item.personName, reference: item.reference })}
          </Link>
          <AssignForm caseItem={item} coaches={workload.coaches.map((row) => row.coach)} />
        </li>
      ))}
    </ul>
  );
}

/** Assigns (or reassigns) a case to one of its desk's coaches. */
export function AssignForm({ caseItem, coaches }: { caseItem: Pick<CaseSummaryView, 'id' | 'reference' | 'assignedCoach'>; coaches: { id: string; displayName: string }[] }) {
  const { formatMessage } = useIntl();
  const assign = useAssignCase(caseItem.id);
  const [coachId, setCoachId] = useState(caseItem.assignedCoach?.id ?? '');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    assign.mutate({ coachId: coachId || null });
  }
  return (
    <form className="inline-actions" onSubmit={onSubmit}>
      <FormField label={formatMessage({ id: 'cases.assign.coach' }, { reference: caseItem.reference })}>
        {(control) => (
          <select {...control} value={coachId} onChange={(event) => setCoachId(event.target.value)}>
            <option value="">{formatMessage({ id: 'cases.list.unassigned' })}</option>
            {coaches.map((coach) => (
              <option key={coach.id} value={coach.id}>
                {coach.displayName}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button button--small" disabled={assign.isPending}>
        {formatMessage({ id: 'cases.assign.submit' })}
      </button>
      {assign.error !== null && <ProblemMessage error={assign.error} />}
      {assign.isSuccess && <span role="status">{formatMessage({ id: 'cases.saved' })}</span>}
    </form>
  );
}

/** The case page's assignment control for managers: the coaches come from the desk's workload. */
export function CaseAssignment({ caseItem }: { caseItem: Pick<CaseSummaryView, 'id' | 'reference' | 'assignedCoach' | 'deskId'> }) {
  const workload = useDeskWorkload(caseItem.deskId);
  if (!workload.data) return null;
  return <AssignForm caseItem={caseItem} coaches={workload.data.coaches.map((row) => row.coach)} />;
}
