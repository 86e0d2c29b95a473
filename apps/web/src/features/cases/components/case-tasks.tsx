import type { CaseTaskView } from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useCaseTasks, useCreateTask, useMyTasks, useUpdateTask } from '../api/tasks-notes';

/** The case's tasks, with due dates; the lead desk adds and ticks them off. */
export function CaseTasks({ caseId, editable }: { caseId: string; editable: boolean }) {
  const { formatMessage } = useIntl();
  const tasks = useCaseTasks(caseId);
  const update = useUpdateTask(caseId);
  if (tasks.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.tasks.loading' })}</LoadingMessage>;
  if (tasks.isError) return <ProblemMessage error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <>
      {tasks.data.items.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'cases.tasks.empty' })}</p>
      ) : (
        <ul className="link-list">
          {tasks.data.items.map((task) => (
            <li key={task.id} className="checkbox-field">
              <input
                type="checkbox"
                id={`task-${task.id}`}
                checked={task.done}
                disabled={!editable || update.isPending}
                onChange={(event) => update.mutate({ taskId: task.id, done: event.target.checked })}
              />
              <label htmlFor={`task-${task.id}`}>
                <TaskLabel task={task} />
              </label>
            </li>
          ))}
        </ul>
      )}
      {update.error !== null && <ProblemMessage error={update.error} />}
      {editable && <NewTaskForm caseId={caseId} />}
    </>
  );
}

function TaskLabel({ task }: { task: CaseTaskView }) {
  const { formatMessage, formatDate } = useIntl();
  const due = task.dueOn ? formatDate(`${task.dueOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : null;
  return (
    <>
      {task.title}
      {due && (
        <span className={task.overdue ? 'field-error' : 'muted'}>
          {' '}
          {formatMessage(task.overdue ? { id: 'cases.tasks.overdue' } : { id: 'cases.tasks.due' }, { date: due })}
        </span>
      )}
      {task.assignee && <span className="muted"> {formatMessage({ id: 'cases.tasks.assignee' }, { name: task.assignee.displayName })}</span>}
    </>
  );
}

function NewTaskForm({ caseId }: { caseId: string }) {
  const { formatMessage } = useIntl();
  const create = useCreateTask(caseId);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const errors = fieldErrorsOf(create.error);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ title: title.trim(), ...(dueOn ? { dueOn } : {}) }, { onSuccess: () => { setTitle(''); setDueOn(''); } });
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="new-task-title">
      <h3 id="new-task-title">{formatMessage({ id: 'cases.tasks.new' })}</h3>
      <FormProblem error={create.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'cases.tasks.title' })} error={errors.get('/title')}>
        {(control) => <input {...control} required value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.tasks.due_on' })} error={errors.get('/dueOn')}>
        {(control) => <input {...control} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {formatMessage({ id: 'cases.tasks.add' })}
        </button>
      </div>
    </form>
  );
}

/** "My tasks": what I must do, soonest due first, each linked to its case. */
export function MyTasks() {
  const { formatMessage } = useIntl();
  const [filter, setFilter] = useState<'open' | 'due' | 'done'>('open');
  const tasks = useMyTasks(filter);
  return (
    <>
      <FormField label={formatMessage({ id: 'cases.my_tasks.show' })}>
        {(control) => (
          <select {...control} value={filter} onChange={(event) => setFilter(event.target.value as typeof filter)}>
            <option value="open">{formatMessage({ id: 'cases.my_tasks.open' })}</option>
            <option value="due">{formatMessage({ id: 'cases.my_tasks.due' })}</option>
            <option value="done">{formatMessage({ id: 'cases.my_tasks.done' })}</option>
          </select>
        )}
      </FormField>
      {tasks.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'cases.tasks.loading' })}</LoadingMessage>
      ) : tasks.isError ? (
        <ProblemMessage error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <p role="status">{formatMessage({ id: 'cases.tasks.empty' })}</p>
      ) : (
        <ul className="result-list" role="list">
          {tasks.data.items.map((task) => (
            <li key={task.id} className="result-list__item">
              <Link to={`/cases/${task.caseId}`} className="result-list__title">
                {task.title}
              </Link>
              <p className="result-list__details">
                {task.caseReference} · <TaskLabel task={{ ...task, title: '' }} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
