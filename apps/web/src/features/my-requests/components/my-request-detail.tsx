import { BUSINESS_STAGES } from '@glocal/contracts';
import type { RequestKind } from '@glocal/contracts/intake-form';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useMyConsents, useMyRequest, useWithdrawMyConsent } from '../api/my-requests';
import { NEXT_STEP_MESSAGES, STAGE_MESSAGES, STATUS_MESSAGES } from '../utils/my-request-messages';

/**
 * One of the person's requests: where it stands, what comes next, their consents (with the way
 * to withdraw them); the app places the message thread and the documents in `children`.
 */
export function MyRequestDetail({ caseId, children }: { caseId: string; children?: ReactNode }) {
  const { formatMessage, formatDate } = useIntl();
  const request = useMyRequest(caseId);
  if (request.isPending) return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if (request.isError) return <ProblemMessage error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const current = r.stage ? BUSINESS_STAGES.indexOf(r.stage as (typeof BUSINESS_STAGES)[number]) : -1;
  return (
    <>
      <PageHeading>{formatMessage({ id: 'my_requests.detail.title' }, { reference: r.reference })}</PageHeading>
      <dl className="details-list">
        <dt>{formatMessage({ id: 'my_requests.detail.kind' })}</dt>
        <dd>{formatMessage({ id: `intake.kind.${r.requestKind as RequestKind}` })}</dd>
        <dt>{formatMessage({ id: 'my_requests.detail.status' })}</dt>
        <dd>{formatMessage(STATUS_MESSAGES[r.status]!)}</dd>
        <dt>{formatMessage({ id: 'my_requests.detail.desk' })}</dt>
        <dd>{r.deskName}</dd>
        <dt>{formatMessage({ id: 'my_requests.detail.coach' })}</dt>
        <dd>{r.coachName ?? formatMessage({ id: 'my_requests.detail.no_coach' })}</dd>
      </dl>
      {r.stage && (
        <section className="page-section" aria-labelledby="progress-title">
          <h2 id="progress-title">{formatMessage({ id: 'my_requests.detail.progress' })}</h2>
          <ol className="steps">
            {BUSINESS_STAGES.map((stage, index) => (
              <li key={stage} aria-current={index === current ? 'step' : undefined}>
                {formatMessage(STAGE_MESSAGES[stage]!)}
                {index < current && ` ${formatMessage({ id: 'my_requests.detail.done' })}`}
                {index === current && ` ${formatMessage({ id: 'my_requests.detail.current' })}`}
              </li>
            ))}
          </ol>
          {NEXT_STEP_MESSAGES[r.stage] && (
            <p>
              <strong>{formatMessage({ id: 'my_requests.detail.next' })}</strong> {formatMessage(NEXT_STEP_MESSAGES[r.stage]!)}
            </p>
          )}
          {r.stageHistory.length > 0 && (
            <ul className="inline-list">
              {r.stageHistory.map((step) => (
                <li key={`${step.toStage}-${step.movedAt}`}>
                  {formatMessage(
                    { id: 'my_requests.detail.moved' },
                    { stage: STAGE_MESSAGES[step.toStage] ? formatMessage(STAGE_MESSAGES[step.toStage]!) : step.toStage, date: formatDate(step.movedAt, { dateStyle: 'medium' }) },
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {children}
      <MyConsents caseId={caseId} />
    </>
  );
}

function MyConsents({ caseId }: { caseId: string }) {
  const { formatMessage, formatDate } = useIntl();
  const consents = useMyConsents(caseId);
  const withdraw = useWithdrawMyConsent(caseId);
  return (
    <section className="page-section" aria-labelledby="my-consents-title">
      <h2 id="my-consents-title">{formatMessage({ id: 'my_requests.consents.title' })}</h2>
      {withdraw.isError && <ProblemMessage error={withdraw.error} />}
      {consents.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : consents.isError ? (
        <ProblemMessage error={consents.error} />
      ) : (
        <ul className="result-list">
          {consents.data.items.map((consent) => (
            <li key={consent.id} className="result-list__item">
              <p className="result-list__title">
                {consent.kind === 'processing'
                  ? formatMessage({ id: 'my_requests.consents.processing' })
                  : formatMessage({ id: 'my_requests.consents.referral' }, { desk: consent.recipientDeskName ?? '', country: consent.recipientCountry ?? '' })}
              </p>
              <p className="result-list__details">
                {consent.withdrawnAt
                  ? formatMessage({ id: 'my_requests.consents.withdrawn' }, { date: formatDate(consent.withdrawnAt, { dateStyle: 'medium' }) })
                  : consent.validUntil
                    ? formatMessage({ id: 'my_requests.consents.valid_until' }, { date: formatDate(`${consent.validUntil}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) })
                    : formatMessage({ id: 'my_requests.consents.standing' })}
              </p>
              <div className="inline-actions">
                <a href={`/api/v1/me/requests/${caseId}/consents/${consent.id}/receipt`} target="_blank" rel="noopener">
                  {formatMessage({ id: 'my_requests.consents.receipt' })}
                </a>
                {consent.kind === 'referral' && !consent.withdrawnAt && (
                  <button type="button" className="button button--small button--danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate(consent.id)}>
                    {formatMessage({ id: 'my_requests.consents.withdraw' }, { desk: consent.recipientDeskName ?? '' })}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
