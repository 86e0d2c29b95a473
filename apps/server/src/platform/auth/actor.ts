import type { Role } from '@glocal/contracts';

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
};

/** How the audit trail names an actor: never a secret, enough to find the person. */
export const actorLabel = (actor: Actor | null) => (actor ? `${actor.displayName} <${actor.email}>` : 'anonymous');
