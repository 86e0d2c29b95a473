import {
  resolveLocale,
  staffRolesOf,
  type InvitableRole,
  type InvitationAcceptBody,
  type InvitationAcceptedView,
  type InvitationCreateBody,
  type InvitationList,
  type InvitationLookupView,
  type InvitationSentView,
  type OrganisationType,
  type Role,
} from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import { grantableRoles } from '../../platform/access/policies/invitations.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { translate } from '../../platform/i18n/translate.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { linkWithToken, translatedMail } from '../../platform/mail/translated-mail.js';
import { findOrganisation } from '../organisations/index.js';
import type { AuthService } from './auth.service.js';
import { invitationStatus, toInvitationView } from './invitations.mapper.js';
import { invitationsRepository, type InvitationRow } from './invitations.repository.js';
import { requireAcceptablePassword } from './password-policy.js';
import { refuseWhileLocked, signInThrottleKeys } from './sign-in-throttling.js';
import { usersRepository } from './users.repository.js';

export const INVITATION_VALID_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

type Client = { ip: string; id: string; userAgent?: string };
type Deps = {
  db: Database;
  access: Access;
  audit: AuditTrail;
  mailer: Mailer;
  sessions: SessionStore;
  auth: Pick<AuthService, 'me'>;
  publicUrl: string;
};

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/**
 * Staff join an organisation by invitation: an administrator names the address and the role, the
 * person opens the e-mailed link (valid seven days, single use) and chooses a password, or, when
 * the address already has an account, confirms it with that account's password.
 */
export function createInvitationsService({ db, access, audit, mailer, sessions, auth, publicUrl }: Deps) {
  async function organisationOrThrow(executor: Executor, id: string) {
    const organisation = await findOrganisation(executor, id);
    if (!organisation) throw new NotFoundError('organisation.not_found', { id });
    return { ...organisation, type: organisation.type as OrganisationType };
  }

  const scopeOf = (organisation: { id: string; type: string }, subject: { type: string; id: string }) => ({
    organisationId: organisation.id,
    organisationType: organisation.type,
    subject,
  });

  /** Sent after the transaction commits: a failure is reported, and the invitation can be sent again. */
  async function sendInvitation(invitation: InvitationRow, token: string, organisationName: string, inviter: Actor) {
    const locale = resolveLocale(invitation.locale);
    return mailer.send(
      translatedMail(invitation.email, locale, 'invitation', {
        inviter: inviter.displayName,
        organisation: organisationName,
        role: translate(locale, `roles.${invitation.role as InvitableRole}`),
        link: linkWithToken(publicUrl, '/invitations/accept', token),
        days: INVITATION_VALID_DAYS,
      }),
    );
  }

  /** The invitation a link names, if it can still be accepted; else why not. */
  async function usableByToken(executor: Executor, token: string): Promise<InvitationRow> {
    const invitation = await invitationsRepository(executor).findByTokenHash(hashSecret(token));
    if (!invitation) throw new NotFoundError('invitation.not_found');
    const status = invitationStatus(invitation);
    if (status === 'accepted') throw new ConflictError('invitation.already_used');
    if (status === 'revoked') throw new BadRequestError('invitation.revoked');
    if (status === 'expired') throw new BadRequestError('invitation.expired');
    return invitation;
  }

  /** An invitation named by id, to an administrator who may manage it (404 to anyone else). */
  async function manageable(actor: Actor | null, id: string, request: Client) {
    const invitation = await invitationsRepository(db).findById(id);
    if (!invitation) throw new NotFoundError('invitation.not_found', { id });
    const organisation = await organisationOrThrow(db, invitation.organisationId);
    const manager = await access.require(actor, 'members:invite', scopeOf(organisation, { type: 'invitation', id }), {
      whenDenied: 'not_found',
      request,
    });
    return { invitation, organisation, manager };
  }

  return {
    async create(actor: Actor | null, organisationId: string, input: InvitationCreateBody, request: Client): Promise<InvitationSentView> {
      const organisation = await organisationOrThrow(db, organisationId);
      const scope = scopeOf(organisation, { type: 'organisation', id: organisationId });
      const inviter = await access.require(actor, 'members:invite', scope, { request });
      if (!staffRolesOf(organisation.type).includes(input.role)) {
        throw new BadRequestError('invitation.role_not_allowed', { role: input.role, organisationType: organisation.type });
      }
      if (!grantableRoles(inviter.memberships, organisation).includes(input.role)) {
        await access.deny(inviter, 'members:invite', scope, request);
        throw new AppError('invitation.role_not_allowed', 403, { role: input.role });
      }

      const token = newSecret();
      const invitation = await db.transaction().execute(async (trx) => {
        const account = await usersRepository(trx).findByEmail(input.email);
        if (account && (await usersRepository(trx).hasMembership(account.id, organisationId, input.role))) {
          throw new ConflictError('invitation.already_member', { role: input.role });
        }
        const replacedId = await invitationsRepository(trx).revokeOpen(organisationId, input.email);
        const row = await invitationsRepository(trx).insert({
          organisationId,
          email: input.email,
          role: input.role,
          tokenHash: hashSecret(token),
          invitedBy: inviter.userId,
          locale: input.locale,
          expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS),
        });
        await audit.record(trx, {
          actor: inviter,
          action: 'invitation.created',
          subject: { type: 'invitation', id: row.id },
          organisationId,
          details: { email: input.email, role: input.role, locale: input.locale, ...(replacedId ? { replacesInvitationId: replacedId } : {}) },
          request,
        });
        return row;
      });
      const delivery = await sendInvitation(invitation, token, organisation.name, inviter);
      return { ...toInvitationView(invitation), delivery };
    },

    /** Invitations not yet answered, expired ones included so they can be sent again. Addresses are personal data: the read is audited. */
    async listOpen(actor: Actor | null, organisationId: string, request: Client): Promise<InvitationList> {
      const organisation = await organisationOrThrow(db, organisationId);
      const reader = await access.require(actor, 'members:invite', scopeOf(organisation, { type: 'organisation', id: organisationId }), { request });
      return db.transaction().execute(async (trx) => {
        const rows = await invitationsRepository(trx).listOpen(organisationId);
        await audit.record(trx, {
          actor: reader,
          action: 'invitation.list_read',
          subject: { type: 'organisation', id: organisationId },
          organisationId,
          details: { invitationIds: rows.map((row) => row.id) },
          request,
        });
        return { items: rows.map(toInvitationView), nextCursor: null };
      });
    },

    async revoke(actor: Actor | null, id: string, request: Client) {
      const { invitation, manager } = await manageable(actor, id, request);
      return db.transaction().execute(async (trx) => {
        const current = (await invitationsRepository(trx).findById(id))!;
        if (current.acceptedAt) throw new ConflictError('invitation.already_used');
        if (current.revokedAt) return toInvitationView(current);
        const revoked = await invitationsRepository(trx).revoke(id);
        await audit.record(trx, {
          actor: manager,
          action: 'invitation.revoked',
          subject: { type: 'invitation', id },
          organisationId: invitation.organisationId,
          details: { email: invitation.email, role: invitation.role },
          request,
        });
        return toInvitationView(revoked);
      });
    },

    /** A new link (the old one stops working) and seven more days. */
    async resend(actor: Actor | null, id: string, request: Client): Promise<InvitationSentView> {
      const { invitation, organisation, manager } = await manageable(actor, id, request);
      const token = newSecret();
      const renewed = await db.transaction().execute(async (trx) => {
        const current = (await invitationsRepository(trx).findById(id))!;
        if (current.acceptedAt) throw new ConflictError('invitation.already_used');
        if (current.revokedAt) throw new BadRequestError('invitation.revoked');
        const row = await invitationsRepository(trx).renewToken(id, hashSecret(token), new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS));
        await audit.record(trx, {
          actor: manager,
          action: 'invitation.resent',
          subject: { type: 'invitation', id },
          organisationId: invitation.organisationId,
          details: { email: invitation.email },
          request,
        });
        return row;
      });
      const delivery = await sendInvitation(renewed, token, organisation.name, manager);
      return { ...toInvitationView(renewed), delivery };
    },

    /** What the acceptance page shows. Whoever holds the link controls the mailbox, so telling them whether it has an account reveals nothing new. */
    async lookup(token: string): Promise<InvitationLookupView> {
      const invitation = await usableByToken(db, token);
      const organisation = await organisationOrThrow(db, invitation.organisationId);
      return {
        organisationId: organisation.id,
        organisationName: organisation.name,
        role: invitation.role as Role,
        email: invitation.email,
        locale: resolveLocale(invitation.locale),
        expiresAt: invitation.expiresAt.toISOString(),
        accountExists: (await usersRepository(db).findByEmail(invitation.email)) !== undefined,
      };
    },

    /**
     * Creates the account and signs it in; or, when the address already has an account, adds the
     * membership once that account's password is given, without signing in: an existing account
     * signs in only through sign-in, where its second factor is asked.
     */
    async accept(input: InvitationAcceptBody, client: Client): Promise<{ view: InvitationAcceptedView; sessionToken: string | null }> {
      const invitation = await usableByToken(db, input.token);
      const account = await usersRepository(db).findByEmail(invitation.email);
      let passwordHash: string | undefined;
      if (account) {
        if (account.disabledAt) throw new AppError('forbidden', 403);
        // A password tried here counts against the account exactly as one tried at sign-in.
        const keys = signInThrottleKeys(account.email, client.ip);
        await refuseWhileLocked(db, audit, keys, { actor: null, email: account.email, request: client });
        if (!(await verifyPassword(account.passwordHash, input.password))) {
          await db.transaction().execute(async (trx) => {
            await signInThrottle(trx).recordFailure(keys);
            await audit.record(trx, {
              actor: null,
              action: 'invitation.accept_failed',
              outcome: 'failure',
              subject: { type: 'invitation', id: invitation.id },
              organisationId: invitation.organisationId,
              details: { email: invitation.email, reason: 'password_mismatch' },
              request: client,
            });
          });
          throw new BadRequestError('auth.password_mismatch');
        }
      } else {
        if (!input.displayName) throw new BadRequestError('validation_failed', { field: 'displayName' });
        requireAcceptablePassword(input.password, invitation.email);
        passwordHash = await hashPassword(input.password);
      }

      const { sessionToken } = await db.transaction().execute(async (trx) => {
        if (!(await invitationsRepository(trx).markAccepted(invitation.id))) throw new ConflictError('invitation.already_used');
        const userId =
          account?.id ??
          (await usersRepository(trx).insert({
            email: invitation.email,
            displayName: input.displayName!,
            passwordHash: passwordHash!,
            locale: invitation.locale,
            kind: 'staff',
          }))?.id;
        if (!userId) throw new ConflictError('auth.email_taken');
        await usersRepository(trx).addMembership(userId, invitation.organisationId, invitation.role);
        await audit.record(trx, {
          actor: null,
          action: 'invitation.accepted',
          subject: { type: 'invitation', id: invitation.id },
          organisationId: invitation.organisationId,
          details: { userId, email: invitation.email, role: invitation.role, accountCreated: !account },
          request: client,
        });
        return { sessionToken: account ? null : await sessions.create(trx, userId, client) };
      });

      const signedIn = sessionToken ? await sessions.resolve(sessionToken) : null;
      return {
        view: { organisationId: invitation.organisationId, role: invitation.role as Role, me: signedIn ? await auth.me(signedIn) : null },
        sessionToken,
      };
    },
  };
}
