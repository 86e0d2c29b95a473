import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { DocumentsPanel } from '../../features/case-collaboration/components/documents-panel';
import { MessagesPanel } from '../../features/case-collaboration/components/messages-panel';
import { ErasureDecisions } from '../../features/my-requests/components/erasure-decisions';
import { MyRequestDetail } from '../../features/my-requests/components/my-request-detail';
import { MyRequestsOverview } from '../../features/my-requests/components/my-requests-overview';

/** The person's own requests (self-service). */
export function MyRequestsRoute() {
  return <MyRequestsOverview />;
}

const PERSON_DOCUMENT_KINDS = ['business_plan', 'financing_plan', 'identity', 'qualification', 'other'] as const;

/** One request: its progress and consents (my-requests), with the thread and documents (case-collaboration). */
export function MyRequestRoute() {
  const { caseId = '' } = useParams();
  const { formatMessage } = useIntl();
  const base = `/api/v1/me/requests/${caseId}` as const;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/my-requests">{formatMessage({ id: 'my_requests.title' })}</Link>
      </p>
      <MyRequestDetail caseId={caseId}>
        <MessagesPanel base={base} reader="person" canWrite />
        <DocumentsPanel base={base} canUpload kinds={PERSON_DOCUMENT_KINDS} />
      </MyRequestDetail>
    </>
  );
}

/** The data protection officer's erasure decisions. */
export function ErasureRequestsRoute() {
  return <ErasureDecisions />;
}
