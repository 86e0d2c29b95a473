import { ERASURE_RETAINED, ErasureDecisionBody, type ErasureRequestView } from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import type { ProblemFieldError } from '@glocal/contracts';
import { useDecideErasure, useErasureRequests } from '../api/my-requests';
import { ERASURE_STATUS_MESSAGES, RETAINED_MESSAGES } from '../utils/my-request-messages';

/** The data protection officer's list of erasure requests, and the decision on each. */
export function ErasureDecisions() {
  const { formatMessage } = useIntl();
  const requests = useErasureRequests(undefined);
  return (
    <>
      <PageHeading>{formatMessage({ id: 'my_requests.dpo.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'my_requests.dpo.explain' })}</p>
      {requests.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : requests.isError ? (
        <ProblemMessage error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'my_requests.dpo.none' })}</p>
      ) : (
        <ul className="result-list">
          {requests.data.items.map((request) => (
            <ErasureRequestItem key={request.id} request={request} />
          ))}
        </ul>
      )}
    </>
  );
}

function ErasureRequestItem({ request }: { request: ErasureRequestView }) {
  const { formatMessage, formatDate } = useIntl();
  const decide = useDecideErasure();
  const [decision, setDecision] = useState<'erase' | 'refuse'>('erase');
  const [retain, setRetain] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(decide.error);
  const headingId = `erasure-${request.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ErasureDecisionBody.safeParse({ decision, retain: decision === 'erase' ? retain : [], ...(reason.trim() ? { retainedReason: reason } : {}) });
    if (!parsed.success) {
      decide.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    decide.mutate({ id: request.id, body: parsed.data });
  }

  return (
    <li className="result-list__item" aria-labelledby={headingId}>
      <h2 id={headingId} className="result-list__title">
        {formatMessage({ id: 'my_requests.dpo.item' }, { person: request.personLabel, date: formatDate(request.requestedAt, { dateStyle: 'medium' }) })}
      </h2>
      <p className="result-list__details">
        {formatMessage(ERASURE_STATUS_MESSAGES[request.status]!, { date: formatDate(request.decidedAt ?? request.requestedAt, { dateStyle: 'medium' }) })}
        {' · '}
        {request.deskNames.join(', ')}
        {' · '}
        {request.caseReferences.join(', ')}
      </p>
      {request.status !== 'pending' ? (
        request.retainedReason && <p>{formatMessage({ id: 'my_requests.erasure.reason' }, { reason: request.retainedReason })}</p>
      ) : (
        <form className="stacked-form" noValidate onSubmit={submit}>
          <FormProblem error={decide.error} fieldErrorCount={errors.size} />
          <fieldset className="fieldset">
            <legend>{formatMessage({ id: 'my_requests.dpo.decision' })}</legend>
            <div className="radio-group">
              {(['erase', 'refuse'] as const).map((option) => (
                <label key={option} className="radio">
                  <input type="radio" name={`decision-${request.id}`} checked={decision === option} onChange={() => setDecision(option)} />
                  {formatMessage(option === 'erase' ? { id: 'my_requests.dpo.erase' } : { id: 'my_requests.dpo.refuse' })}
                </label>
              ))}
            </div>
          </fieldset>
          {decision === 'erase' && (
            <fieldset className="fieldset">
              <legend>{formatMessage({ id: 'my_requests.dpo.retain' })}</legend>
              {ERASURE_RETAINED.map((option) => (
                <label key={option} className="checkbox-field">
                  <input
                    type="checkbox"
                    checked={retain.includes(option)}
                    onChange={(event) => setRetain((current) => (event.target.checked ? [...current, option] : current.filter((o) => o !== option)))}
                  />
                  {formatMessage(RETAINED_MESSAGES[option]!)}
                </label>
              ))}
            </fieldset>
          )}
          <FormField
            label={formatMessage({ id: 'my_requests.dpo.reason' })}
            hint={formatMessage({ id: 'my_requests.dpo.reason_hint' })}
            error={errors.get('/retainedReason')}
            errorMessage={errors.get('/retainedReason') ? { id: 'my_requests.dpo.reason_required' } : undefined}
          >
            {(control) => <textarea {...control} rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={decide.isPending}>
              {formatMessage({ id: 'my_requests.dpo.submit' })}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
