import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { AuditTrail } from '../../features/audit/components/audit-trail';
import { AuditVerificationStatus } from '../../features/audit/components/audit-verification-status';

/** The audit trail, for the data protection officer (the router only lets `audit:read` in). */
export function AuditRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'audit.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'audit.intro' })}</p>
      <section aria-labelledby="audit-chain-title" className="page-section">
        <h2 id="audit-chain-title">{formatMessage({ id: 'audit.verification.title' })}</h2>
        <AuditVerificationStatus />
      </section>
      <AuditTrail />
    </>
  );
}
