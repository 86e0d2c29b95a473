import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
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
const AuditRoute = lazy(async () => ({ default: (await import('./routes/audit-route')).AuditRoute }));

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
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
