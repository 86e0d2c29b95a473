import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useAuditVerification } from '../api/audit-events';

/** Whether the trail's hash chain is intact, recomputed by the server on each visit. */
export function AuditVerificationStatus() {
  const { formatMessage } = useIntl();
  const verification = useAuditVerification();

  if (verification.isPending) return <LoadingMessage>{formatMessage({ id: 'audit.verification.checking' })}</LoadingMessage>;
  if (verification.isError) return <ProblemMessage error={verification.error} onRetry={() => void verification.refetch()} />;

  const { ok, entries, firstBadSeq, reason } = verification.data;
  return (
    <div className={ok ? 'notice notice--success' : 'notice notice--error'} role={ok ? 'status' : 'alert'}>
      <p>
        {ok
          ? formatMessage({ id: 'audit.verification.intact' }, { count: entries })
          : formatMessage(
              reason === 'missing_before' ? { id: 'audit.verification.missing_before' } : { id: 'audit.verification.altered' },
              { seq: firstBadSeq ?? 0, count: entries },
            )}
      </p>
      <button type="button" className="button button--small button--secondary" onClick={() => void verification.refetch()}>
        {formatMessage({ id: 'audit.verification.recheck' })}
      </button>
    </div>
  );
}
