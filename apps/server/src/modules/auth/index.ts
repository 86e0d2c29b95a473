import type { Executor } from '../../platform/db/database.js';
export { authRoutes } from './auth.routes.js';
export { createAuthService, type AuthService } from './auth.service.js';
export { mfaRoutes } from './mfa.routes.js';
export { createMfaService, type MfaService } from './mfa.service.js';
export { apiTokensRoutes } from './api-tokens.routes.js';
export { createApiTokensService, type ApiTokensService } from './api-tokens.service.js';
export { invitationsRoutes, organisationInvitationsRoutes } from './invitations.routes.js';
export { createInvitationsService, type InvitationsService } from './invitations.service.js';
export { passwordResetRoutes } from './password-reset.routes.js';
export { createPasswordResetService, type PasswordResetService } from './password-reset.service.js';
export { registrationRoutes } from './registration.routes.js';
export { createRegistrationService, type RegistrationService } from './registration.service.js';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.demo.js';
export { eraseMigrantAccounts } from './accounts.erasure.js';

/** For other modules: where and in which language to write to active accounts. Callers do their own access check. */
export const findUserContacts = (db: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('appUser').select(['id', 'email', 'locale']).where('id', 'in', ids).where('disabledAt', 'is', null).execute();
