import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { loadRemittanceMessages } from '../lib/i18n';
import { RequireSignIn } from '../lib/session';
import { RootLayout } from './root-layout';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RequirePermission } from './routes/permission-required';
import { RouteError } from './routes/route-error';

// Loaded on demand, so the home page does not download the territories page's code.
const TerritoriesRoute = lazy(async () => ({
  default: (await import('./routes/territories-route')).TerritoriesRoute,
}));
// Signing in and one's own account (features/auth), each loaded on demand too.
const SignInRoute = lazy(async () => ({ default: (await import('./routes/sign-in-route')).SignInRoute }));
const AccountRoute = lazy(async () => ({ default: (await import('./routes/account-route')).AccountRoute }));
const InvitationAcceptRoute = lazy(async () => ({
  default: (await import('./routes/invitation-accept-route')).InvitationAcceptRoute,
}));
const PasswordResetRoute = lazy(async () => ({ default: (await import('./routes/password-reset-route')).PasswordResetRoute }));
const RegisterRoute = lazy(async () => ({ default: (await import('./routes/register-route')).RegisterRoute }));
const RegisterConfirmRoute = lazy(async () => ({ default: (await import('./routes/register-route')).RegisterConfirmRoute }));
// The staff's network pages: organisations, partnerships, territory statistics, audit trail.
const OrganisationsRoute = lazy(async () => ({ default: (await import('./routes/organisations-route')).OrganisationsRoute }));
const OrganisationRoute = lazy(async () => ({ default: (await import('./routes/organisation-route')).OrganisationRoute }));
const OrganisationNewRoute = lazy(async () => ({ default: (await import('./routes/organisation-new-route')).OrganisationNewRoute }));
const PartnershipsRoute = lazy(async () => ({ default: (await import('./routes/partnerships-route')).PartnershipsRoute }));
const PartnershipRoute = lazy(async () => ({ default: (await import('./routes/partnership-route')).PartnershipRoute }));
const PartnershipNewRoute = lazy(async () => ({ default: (await import('./routes/partnership-new-route')).PartnershipNewRoute }));
const TerritoryStatisticsRoute = lazy(async () => ({
  default: (await import('./routes/territory-statistics-route')).TerritoryStatisticsRoute,
}));
// The public intake (also served on its own, light, as intake.html when opened directly).
const IntakeRoute = lazy(async () => ({ default: (await import('./routes/intake-route')).IntakeRoute }));
const AuditRoute = lazy(async () => ({ default: (await import('./routes/audit-route')).AuditRoute }));
// Sending money home (public) and the remittance reports (staff).
/** A remittance page, once the English catalogue holds its messages too (see loadRemittanceMessages). */
const remittancePage = async <T,>(page: Promise<T>): Promise<T> => (await Promise.all([page, loadRemittanceMessages()]))[0];
const RemittancesSendRoute = lazy(async () => ({ default: (await remittancePage(import('./routes/remittances-send-route'))).RemittancesSendRoute }));
const RemittanceCorridorRoute = lazy(async () => ({ default: (await remittancePage(import('./routes/remittance-corridor-route'))).RemittanceCorridorRoute }));
const RemittancesReportsRoute = lazy(async () => ({ default: (await remittancePage(import('./routes/remittances-reports-route'))).RemittancesReportsRoute }));
const RemittancesProviderRoute = lazy(async () => ({ default: (await remittancePage(import('./routes/remittances-provider-route'))).RemittancesProviderRoute }));
const RemittancesTransfersRoute = lazy(async () => ({ default: (await remittancePage(import('./routes/remittances-transfers-route'))).RemittancesTransfersRoute }));
// Case work: my cases and the board, one case, my tasks, the desk's workload.
const CasesRoute = lazy(async () => ({ default: (await import('./routes/cases-route')).CasesRoute }));
// Case collaboration: referrals waiting for the desk; the person's self-service; the DPO's erasure decisions.
const ReferralsRoute = lazy(async () => ({ default: (await import('./routes/referrals-route')).ReferralsRoute }));
const MyRequestsRoute = lazy(async () => ({ default: (await import('./routes/my-requests-route')).MyRequestsRoute }));
const MyRequestRoute = lazy(async () => ({ default: (await import('./routes/my-requests-route')).MyRequestRoute }));
const ErasureRequestsRoute = lazy(async () => ({ default: (await import('./routes/my-requests-route')).ErasureRequestsRoute }));
const CaseRoute = lazy(async () => ({ default: (await import('./routes/case-route')).CaseRoute }));
const CaseTasksRoute = lazy(async () => ({ default: (await import('./routes/case-tasks-route')).CaseTasksRoute }));
const CaseWorkloadRoute = lazy(async () => ({ default: (await import('./routes/case-workload-route')).CaseWorkloadRoute }));
// Desk work: a case opened for a person met at the desk; possible duplicates to merge or dismiss.
const CaseNewRoute = lazy(async () => ({ default: (await import('./routes/case-new-route')).CaseNewRoute }));
const PeopleDuplicatesRoute = lazy(async () => ({ default: (await import('./routes/people-duplicates-route')).PeopleDuplicatesRoute }));

// The services directory: search and map, a service page, opportunities, HSDS import for officers.
const DirectoryRoute = lazy(async () => ({ default: (await import('./routes/directory-route')).DirectoryRoute }));
const ServiceRoute = lazy(async () => ({ default: (await import('./routes/service-route')).ServiceRoute }));
const ServiceEditRoute = lazy(async () => ({ default: (await import('./routes/service-edit-route')).ServiceEditRoute }));
const ServiceNewRoute = lazy(async () => ({ default: (await import('./routes/service-new-route')).ServiceNewRoute }));
const DirectoryOpportunitiesRoute = lazy(async () => ({ default: (await import('./routes/directory-opportunities-route')).DirectoryOpportunitiesRoute }));
const DirectoryImportRoute = lazy(async () => ({ default: (await import('./routes/directory-import-route')).DirectoryImportRoute }));
const DirectoryReviewRoute = lazy(async () => ({ default: (await import('./routes/directory-review-route')).DirectoryReviewRoute }));

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors inside a page render within the layout, so navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'territories', element: <TerritoriesRoute /> },
          { path: 'directory', element: <DirectoryRoute /> },
          { path: 'directory/services/new', element: <RequirePermission permission="directory:edit"><ServiceNewRoute /></RequirePermission> },
          { path: 'directory/services/:serviceId', element: <ServiceRoute /> },
          { path: 'directory/services/:serviceId/edit', element: <RequirePermission permission="directory:edit"><ServiceEditRoute /></RequirePermission> },
          { path: 'directory/opportunities', element: <DirectoryOpportunitiesRoute /> },
          { path: 'directory/import', element: <RequirePermission permission="directory:import"><DirectoryImportRoute /></RequirePermission> },
          { path: 'directory/review', element: <RequirePermission permission="directory:review"><DirectoryReviewRoute /></RequirePermission> },
          { path: 'intake', element: <IntakeRoute /> },
          { path: 'sign-in', element: <SignInRoute /> },
          { path: 'account', element: <RequireSignIn><AccountRoute /></RequireSignIn> },
          { path: 'invitations/accept', element: <InvitationAcceptRoute /> },
          { path: 'password-reset', element: <PasswordResetRoute /> },
          { path: 'register', element: <RegisterRoute /> },
          { path: 'register/confirm', element: <RegisterConfirmRoute /> },
          { path: 'organisations', element: <RequirePermission permission="organisations:read"><OrganisationsRoute /></RequirePermission> },
          { path: 'organisations/new', element: <RequirePermission permission="organisations:create"><OrganisationNewRoute /></RequirePermission> },
          { path: 'organisations/:organisationId', element: <RequirePermission permission="organisations:read"><OrganisationRoute /></RequirePermission> },
          { path: 'partnerships', element: <RequirePermission permission="partnerships:read"><PartnershipsRoute /></RequirePermission> },
          { path: 'partnerships/new', element: <RequirePermission permission="partnerships:manage"><PartnershipNewRoute /></RequirePermission> },
          { path: 'partnerships/:partnershipId', element: <RequirePermission permission="partnerships:read"><PartnershipRoute /></RequirePermission> },
          {
            path: 'territories/:territoryId/statistics',
            element: <RequirePermission permission="territory_statistics:read"><TerritoryStatisticsRoute /></RequirePermission>,
          },
          { path: 'audit', element: <RequirePermission permission="audit:read"><AuditRoute /></RequirePermission> },
          { path: 'send-money', element: <RemittancesSendRoute /> },
          { path: 'send-money/corridors/:corridor', element: <RemittanceCorridorRoute /> },
          { path: 'remittances/reports', element: <RequirePermission permission="remittances:report"><RemittancesReportsRoute /></RequirePermission> },
          { path: 'remittances/provider', element: <RequirePermission permission="remittances:manage_prices"><RemittancesProviderRoute /></RequirePermission> },
          { path: 'remittances/transfers', element: <RequirePermission permission="remittances:record_transfers"><RemittancesTransfersRoute /></RequirePermission> },
          { path: 'cases', element: <RequirePermission permission="cases:read"><CasesRoute /></RequirePermission> },
          { path: 'cases/tasks', element: <RequirePermission permission="cases:read"><CaseTasksRoute /></RequirePermission> },
          { path: 'cases/workload', element: <RequirePermission permission="desk_workload:read"><CaseWorkloadRoute /></RequirePermission> },
          { path: 'cases/new', element: <RequirePermission permission="cases:create"><CaseNewRoute /></RequirePermission> },
          { path: 'cases/:caseId', element: <RequirePermission permission="cases:read"><CaseRoute /></RequirePermission> },
          { path: 'people/duplicates', element: <RequirePermission permission="people:merge"><PeopleDuplicatesRoute /></RequirePermission> },
          { path: 'referrals', element: <RequirePermission permission="referrals:decide"><ReferralsRoute /></RequirePermission> },
          { path: 'my-requests', element: <RequireSignIn><MyRequestsRoute /></RequireSignIn> },
          { path: 'my-requests/:caseId', element: <RequireSignIn><MyRequestRoute /></RequireSignIn> },
          { path: 'erasure-requests', element: <RequirePermission permission="erasure:decide"><ErasureRequestsRoute /></RequirePermission> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
