import { z } from 'zod';
import { Email, MeView } from './auth.js';
import { Id, Locale, listEnvelope } from './common.js';
import type { OrganisationType } from './organisations.js';
import { Role } from './permissions.js';

/** Staff roles an invitation can grant; platform-wide roles and `migrant` are never handed out by e-mail. */
export const INVITABLE_ROLES = ['org_admin', 'lra_officer', 'desk_manager', 'coach', 'partner_staff'] as const;
export const InvitableRole = z.enum(INVITABLE_ROLES);
export type InvitableRole = z.infer<typeof InvitableRole>;

/** The staff roles each kind of organisation has: a desk has coaches, an authority its officers. */
export function staffRolesOf(type: OrganisationType): readonly InvitableRole[] {
  if (type === 'help_desk') return ['org_admin', 'desk_manager', 'coach'];
  if (type === 'local_authority') return ['org_admin', 'lra_officer'];
  return ['org_admin', 'partner_staff'];
}

/** A password someone chooses; how long it must be is checked by the server (`auth.password_too_weak`). */
export const NewPassword = z.string().min(1).max(1024);

/** Links sent by e-mail carry this: 32 random bytes, base64url. */
export const EmailedToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a token from an e-mail link');

export const InvitationCreateBody = z.object({
  email: Email,
  role: InvitableRole,
  /** The language of the e-mail, and of the account it creates. */
  locale: Locale,
});
export type InvitationCreateBody = z.infer<typeof InvitationCreateBody>;

export const InvitationStatus = z.enum(['pending', 'expired', 'accepted', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An invitation as its organisation's administrators see it: never its token. */
export const InvitationView = z.object({
  id: Id,
  organisationId: Id,
  email: z.string(),
  role: Role,
  locale: Locale,
  status: InvitationStatus,
  invitedBy: Id.nullable(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof InvitationView>;
export const InvitationList = listEnvelope(InvitationView);
export type InvitationList = z.infer<typeof InvitationList>;

/**
 * `sent`: the SMTP server took the e-mail; `logged`: no SMTP server is configured (demo), the
 * e-mail went to the server log; `failed`: it could not be sent, the invitation stands: resend it.
 */
export const MailDelivery = z.enum(['sent', 'logged', 'failed']);
export type MailDelivery = z.infer<typeof MailDelivery>;

export const InvitationSentView = InvitationView.extend({ delivery: MailDelivery });
export type InvitationSentView = z.infer<typeof InvitationSentView>;

export const InvitationLookupQuery = z.object({ token: EmailedToken });

/** What the acceptance page shows to whoever holds the link. */
export const InvitationLookupView = z.object({
  organisationId: Id,
  organisationName: z.string(),
  role: Role,
  email: z.string(),
  locale: Locale,
  expiresAt: z.iso.datetime(),
  /** The address already has an account: the page asks for its password instead of a new one. */
  accountExists: z.boolean(),
});
export type InvitationLookupView = z.infer<typeof InvitationLookupView>;

export const InvitationAcceptBody = z.object({
  token: EmailedToken,
  /** Needed for a new account; an existing account keeps its name. */
  displayName: z.string().trim().min(1).max(200).optional(),
  /** A new account's password, or the existing account's current one. */
  password: NewPassword,
});
export type InvitationAcceptBody = z.infer<typeof InvitationAcceptBody>;

export const InvitationAcceptedView = z.object({
  organisationId: Id,
  role: Role,
  /**
   * The new account, now signed in (the session cookie is set). Null when the address already had
   * an account: it signs in as usual, second factor included, and finds the new membership there.
   */
  me: MeView.nullable(),
});
export type InvitationAcceptedView = z.infer<typeof InvitationAcceptedView>;
