import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useDecideReferral, useIncomingReferrals } from '../api/collaboration';
import { DATA_CATEGORY_MESSAGES, STAGE_MESSAGES } from '../utils/collaboration-messages';
import { ReferralDeclineBody, type ConsentDataCategory, type IncomingReferralView, type ProblemFieldError } from '@glocal/contracts';

/** Referrals waiting for the reader's desk: a summary of each case, to accept or decline with a reason. */
export function IncomingReferrals() {
  const { formatMessage } = useIntl();
  const incoming = useIncomingReferrals();
  if (incoming.isPending) return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if (incoming.isError) return <ProblemMessage error={incoming.error} onRetry={() => void incoming.refetch()} />;
  if (incoming.data.items.length === 0) return <p className="muted">{formatMessage({ id: 'case_collaboration.incoming.none' })}</p>;
  return (
    <ul className="result-list">
      {incoming.data.items.map((referral) => (
        <IncomingReferral key={referral.id} referral={referral} />
      ))}
    </ul>
  );
}

function IncomingReferral({ referral }: { referral: IncomingReferralView }) {
  const { formatMessage } = useIntl();
  const decide = useDecideReferral();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const headingId = `referral-${referral.id}`;

  function decline(event: FormEvent) {
    event.preventDefault();
    const parsed = ReferralDeclineBody.safeParse({ reason });
    if (!parsed.success) {
      decide.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    decide.mutate({ id: referral.id, decision: 'decline', reason: parsed.data.reason });
  }
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(decide.error);

  return (
    <li className="result-list__item" aria-labelledby={headingId}>
      <h3 id={headingId} className="result-list__title">
        {formatMessage({ id: 'case_collaboration.incoming.heading' }, { name: referral.personGivenName, reference: referral.caseReference, from: referral.fromDeskName })}
      </h3>
      <dl className="details-list">
        <dt>{formatMessage({ id: 'case_collaboration.incoming.purpose' })}</dt>
        <dd>{referral.purpose}</dd>
        {referral.idea && (
          <>
            <dt>{formatMessage({ id: 'case_collaboration.incoming.idea' })}</dt>
            <dd>{referral.idea}</dd>
          </>
        )}
        {referral.stage && (
          <>
            <dt>{formatMessage({ id: 'case_collaboration.incoming.stage' })}</dt>
            <dd>{STAGE_MESSAGES[referral.stage] ? formatMessage(STAGE_MESSAGES[referral.stage]!) : referral.stage}</dd>
          </>
        )}
        <dt>{formatMessage({ id: 'case_collaboration.consents.data' })}</dt>
        <dd>
          {referral.dataCategories
            .map((category) => (category in DATA_CATEGORY_MESSAGES ? formatMessage(DATA_CATEGORY_MESSAGES[category as ConsentDataCategory]) : category))
            .join(', ')}
        </dd>
      </dl>
      {decide.isError && errors.size === 0 && <ProblemMessage error={decide.error} />}
      {accepted ? (
        <p className="notice notice--success" role="status">
          {formatMessage({ id: 'case_collaboration.incoming.accepted' })} <Link to={`/cases/${referral.caseId}`}>{formatMessage({ id: 'case_collaboration.incoming.open_case' })}</Link>
        </p>
      ) : declining ? (
        <form className="stacked-form" noValidate onSubmit={decline}>
          <FormField
            label={formatMessage({ id: 'case_collaboration.incoming.reason' })}
            error={errors.get('/reason')}
          >
            {(control) => <textarea {...control} rows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={decide.isPending}>
              {formatMessage({ id: 'case_collaboration.incoming.confirm_decline' })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDeclining(false)}>
              {formatMessage({ id: 'case_collaboration.cancel' })}
            </button>
          </div>
        </form>
      ) : (
        <div className="inline-actions">
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ id: referral.id, decision: 'accept' }, { onSuccess: () => setAccepted(true) })}
          >
            {formatMessage({ id: 'case_collaboration.incoming.accept' })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDeclining(true)}>
            {formatMessage({ id: 'case_collaboration.incoming.decline' })}
          </button>
        </div>
      )}
    </li>
  );
}
