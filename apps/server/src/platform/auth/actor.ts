import type { Permission, Role } from '@glocal/contracts';

export type ActorMembership = { organisationId: string | null; role: Role };

/** Who is making a request: a signed-in person, or nobody. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  kind: 'staff' | 'migrant';
  memberships: ActorMembership[];
  /** The session's CSRF token; cookie-authenticated writes must echo it. */
  csrfToken: string;
  sessionTokenHash: string;
  /**
   * Set when an API token authenticates the request (then there is no session, no CSRF token):
   * the person is the token's creator, their memberships pinned to the token's organisation, and
   * only these permissions count, whatever their roles grant.
   */
  scopes?: Permission[];
  apiTokenId?: string;
  /** The session may only set up two-step sign-in (and use public routes) until that is done. */
  mfaEnrollmentPending?: boolean;
};

/** Who the audit trail records: a signed-in actor, or a person identified in this very request (sign-in). */
export type AuditedActor = Pick<Actor, 'userId' | 'email' | 'displayName' | 'apiTokenId'>;

/** How the audit trail names an actor: never a secret, enough to find the person. */
export const actorLabel = (actor: AuditedActor | null) =>
  actor ? `${actor.displayName} <${actor.email}>${actor.apiTokenId ? ` via API token ${actor.apiTokenId}` : ''}` : 'anonymous';
