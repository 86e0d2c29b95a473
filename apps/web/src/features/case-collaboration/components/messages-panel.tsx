import { CaseMessageBody, type ProblemFieldError } from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useMessages, useSendMessage, type DocumentsBase } from '../api/collaboration';
import { PanelFrame } from './panel-frame';

interface MessagesPanelProps {
  base: DocumentsBase;
  /** Who reads: the person sees "you" for their own messages, staff see the person's. */
  reader: 'person' | 'staff';
  canWrite: boolean;
  embedded?: boolean;
}

/** The thread between the person and their coach, oldest first, and the box to answer. */
export function MessagesPanel({ base, reader, canWrite, embedded = false }: MessagesPanelProps) {
  const { formatMessage, formatDate } = useIntl();
  const thread = useMessages(base);
  const send = useSendMessage(base);
  const [body, setBody] = useState('');
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(send.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CaseMessageBody.safeParse({ body });
    if (!parsed.success) {
      send.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    send.mutate(parsed.data.body, { onSuccess: () => setBody('') });
  }

  return (
    <PanelFrame title={formatMessage({ id: 'case_collaboration.messages.title' })} embedded={embedded}>
      <p className="form-field__hint">{formatMessage(reader === 'staff' ? { id: 'case_collaboration.messages.privacy_staff' } : { id: 'case_collaboration.messages.privacy_person' })}</p>
      {thread.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : thread.isError ? (
        <ProblemMessage error={thread.error} onRetry={() => void thread.refetch()} />
      ) : thread.data.items.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'case_collaboration.messages.none' })}</p>
      ) : (
        <ol className="result-list" aria-label={formatMessage({ id: 'case_collaboration.messages.thread' })}>
          {thread.data.items.map((message) => (
            <li key={message.id} className="result-list__item">
              <p className="result-list__details">
                {formatMessage(
                  { id: 'case_collaboration.messages.meta' },
                  {
                    who:
                      message.sender === reader
                        ? formatMessage({ id: 'case_collaboration.messages.you' })
                        : message.sender === 'person'
                          ? formatMessage({ id: 'case_collaboration.messages.the_person' })
                          : (message.authorName ?? formatMessage({ id: 'case_collaboration.messages.the_coach' })),
                    date: formatDate(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  },
                )}
              </p>
              <p className="prose">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="stacked-form" noValidate onSubmit={submit}>
          <FormProblem error={send.error} fieldErrorCount={errors.size} />
          <FormField label={formatMessage({ id: 'case_collaboration.messages.write' })} error={errors.get('/body')}>
            {(control) => <textarea {...control} rows={4} maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button" disabled={send.isPending}>
              {formatMessage({ id: 'case_collaboration.messages.send' })}
            </button>
          </div>
        </form>
      )}
    </PanelFrame>
  );
}
