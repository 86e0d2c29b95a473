import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useCaseNotes, useCreateNote } from '../api/tasks-notes';

/** My desk's notes on the case (each desk keeps its own), newest first. */
export function CaseNotes({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { formatMessage, formatDate } = useIntl();
  const notes = useCaseNotes(caseId);
  return (
    <>
      <p className="muted">{formatMessage({ id: 'cases.notes.own_desk' })}</p>
      {notes.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'cases.notes.loading' })}</LoadingMessage>
      ) : notes.isError ? (
        <ProblemMessage error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'cases.notes.empty' })}</p>
      ) : (
        <ul className="link-list">
          {notes.data.items.map((note) => (
            <li key={note.id} className="card">
              <p className="muted">
                {formatMessage(note.sensitive ? { id: 'cases.notes.meta_sensitive' } : { id: 'cases.notes.meta' }, {
                  author: note.author.displayName,
                  when: formatDate(note.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </p>
              <p className="prose">{note.body ?? formatMessage({ id: 'cases.notes.hidden' })}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && <NewNoteForm caseId={caseId} />}
    </>
  );
}

function NewNoteForm({ caseId }: { caseId: string }) {
  const { formatMessage } = useIntl();
  const create = useCreateNote(caseId);
  const [body, setBody] = useState('');
  const [sensitive, setSensitive] = useState(false);
  const errors = fieldErrorsOf(create.error);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ body: body.trim(), sensitive }, { onSuccess: () => { setBody(''); setSensitive(false); } });
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="new-note-title">
      <h3 id="new-note-title">{formatMessage({ id: 'cases.notes.new' })}</h3>
      <FormProblem error={create.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'cases.notes.body' })} error={errors.get('/body')}>
        {(control) => <textarea {...control} required value={body} maxLength={10000} onChange={(event) => setBody(event.target.value)} />}
      </FormField>
      <div className="checkbox-field">
        <input type="checkbox" id={`note-sensitive-${caseId}`} checked={sensitive} onChange={(event) => setSensitive(event.target.checked)} />
        <label htmlFor={`note-sensitive-${caseId}`}>{formatMessage({ id: 'cases.notes.sensitive' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {formatMessage({ id: 'cases.notes.add' })}
        </button>
      </div>
    </form>
  );
}
