import type { CaseDetailView } from '@glocal/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { ProblemMessage } from '../../components/ui/problem-message';
import { caseKey, useCase } from '../../features/cases/api/cases';
import { CaseHistory } from '../../features/cases/components/case-history';
import { CaseNotes } from '../../features/cases/components/case-notes';
import { CaseOutcome } from '../../features/cases/components/case-outcome';
import { CasePipeline } from '../../features/cases/components/case-pipeline';
import { CaseSummary } from '../../features/cases/components/case-summary';
import { CaseTasks } from '../../features/cases/components/case-tasks';
import { CaseAssignment } from '../../features/cases/components/desk-workload';
import { ConsentReferralPanel } from '../../features/case-collaboration/components/consent-referral-panel';
import { DocumentsPanel } from '../../features/case-collaboration/components/documents-panel';
import { MessagesPanel } from '../../features/case-collaboration/components/messages-panel';
import { CaseServiceReferrals } from '../../features/directory/components/case-service-referrals';
import { useServiceReferralHistory } from '../../features/directory/utils/case-referral-history';
import { useAllOrganisations } from '../../features/organisations/api/get-organisations';
import { useTerritories } from '../../features/territories/api/get-territories';

/** One panel of the case page: its anchor, its heading and its content. */
export interface CaseSection {
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * The case page, composed of panels from several features. To add a panel (referral and consent,
 * documents, messages…), add an entry to `caseSections` below: the page lists, links and renders
 * each in order. Features never import each other; this route composes them.
 */
function caseSections(detail: CaseDetailView, formatMessage: ReturnType<typeof useIntl>['formatMessage'], options: {
  territories: { id: string; name: string; code: string }[] | undefined;
  organisations: { id: string; name: string }[] | undefined;
  onDocumentUploaded?: () => void;
}): CaseSection[] {
  return [
    {
      id: 'summary',
      title: formatMessage({ id: 'cases.section.summary' }),
      content: (
        <>
          <CaseSummary detail={detail} territories={options.territories} />
          {detail.can.assign && detail.status !== 'closed' && <CaseAssignment caseItem={detail} />}
        </>
      ),
    },
    ...(detail.businessProject
      ? [
          {
            id: 'pipeline',
            title: formatMessage({ id: 'cases.section.pipeline' }),
            content: <CasePipeline detail={{ ...detail, businessProject: detail.businessProject }} territories={options.territories} />,
          },
        ]
      : []),
    ...(detail.businessProject || detail.can.update
      ? [{ id: 'history', title: formatMessage({ id: 'cases.section.history' }), content: <CaseHistoryWithReferrals detail={detail} /> }]
      : []),
    { id: 'tasks', title: formatMessage({ id: 'cases.section.tasks' }), content: <CaseTasks caseId={detail.id} editable={detail.can.update && detail.status !== 'closed'} /> },
    // Each desk that reads the case keeps its own notes (a referring desk included).
    { id: 'notes', title: formatMessage({ id: 'cases.section.notes' }), content: <CaseNotes caseId={detail.id} canWrite={detail.status !== 'closed'} /> },
    { id: 'outcome', title: formatMessage({ id: 'cases.section.outcome' }), content: <CaseOutcome detail={detail} organisations={options.organisations} /> },
    // Directory: the services the person was referred to and whether they got them, with dates (the case's record of them).
    ...(detail.can.update
      ? [{ id: 'services', title: formatMessage({ id: 'directory.case_referrals.title' }), content: <CaseServiceReferrals caseId={detail.id} canRefer={detail.status !== 'closed'} /> }]
      : []),
    // Case collaboration: consent and referral, documents, the thread with the person.
    {
      id: 'referral',
      title: formatMessage({ id: 'case_collaboration.section.referral' }),
      content: <ConsentReferralPanel caseId={detail.id} leadDeskId={detail.leadDeskId} canRefer={detail.can.update} embedded />,
    },
    {
      id: 'documents',
      title: formatMessage({ id: 'case_collaboration.section.documents' }),
      content: <DocumentsPanel base={`/api/v1/cases/${detail.id}`} canUpload={detail.can.update} embedded onUploaded={options.onDocumentUploaded} />,
    },
    // The thread is the lead desk's with the person; a desk that only reads the case does not see it.
    ...(detail.can.update
      ? [{ id: 'messages', title: formatMessage({ id: 'case_collaboration.section.messages' }), content: <MessagesPanel base={`/api/v1/cases/${detail.id}`} reader="staff" canWrite={detail.status !== 'closed'} embedded /> }]
      : []),
  ];
}

/** The stage moves and, for the desk acting on the case, the services it was referred to. */
function CaseHistoryWithReferrals({ detail }: { detail: CaseDetailView }) {
  const referrals = useServiceReferralHistory(detail.id, detail.can.update);
  return <CaseHistory history={detail.stageHistory} events={referrals} />;
}

export function CaseRoute() {
  const { caseId = '' } = useParams();
  const { formatMessage } = useIntl();
  const detail = useCase(caseId);
  const queryClient = useQueryClient();
  const territories = useTerritories();
  const organisations = useAllOrganisations();
  if (detail.isPending) return <LoadingMessage>{formatMessage({ id: 'cases.page.loading' })}</LoadingMessage>;
  if (detail.isError) {
    return (
      <>
        <PageHeading>{formatMessage({ id: 'cases.page.unavailable' })}</PageHeading>
        <ProblemMessage error={detail.error} onRetry={() => void detail.refetch()} />
        <p>
          <Link to="/cases">{formatMessage({ id: 'cases.page.back' })}</Link>
        </p>
      </>
    );
  }
  const sections = caseSections(detail.data, formatMessage, {
    territories: territories.data?.map((t) => ({ id: t.id, name: t.name, code: t.code })),
    organisations: organisations.data?.map((o) => ({ id: o.id, name: o.name })),
    // A plan uploaded under Documents is the project's plan at once: show it in the pipeline.
    onDocumentUploaded: () => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{formatMessage({ id: 'cases.title' })}</Link>
      </p>
      <PageHeading>
        {formatMessage({ id: 'cases.page.title' }, { name: detail.data.personName, reference: detail.data.reference })}
      </PageHeading>
      <nav aria-label={formatMessage({ id: 'cases.page.sections' })}>
        <ul className="inline-list">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#case-${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.id} id={`case-${section.id}`} className="page-section" aria-labelledby={`case-${section.id}-title`}>
          <h2 id={`case-${section.id}-title`}>{section.title}</h2>
          {section.content}
        </section>
      ))}
    </>
  );
}
