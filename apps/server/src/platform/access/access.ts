import { roleGrants, type Permission } from '@glocal/contracts';
import type { Actor } from '../auth/actor.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Database } from '../db/database.js';
import { AppError, NotFoundError } from '../errors/app-error.js';
import { POLICIES, type ResourceScope } from './policies/index.js';

export type AccessDenied = 'forbidden' | 'not_found';

/**
 * The one place that answers "may this actor do this to this record?". Routes declare their
 * permission (coarse check by role, in the request hook); services call `require` first with the
 * record's scope (organisation, territory). Every denial is written to the audit trail.
 */
export function createAccess({ db, audit }: { db: Database; audit: AuditTrail }) {
  function can(actor: Actor | null, permission: Permission, resource?: ResourceScope): boolean {
    if (!actor) return false;
    if (actor.scopes && !actor.scopes.includes(permission)) return false;
    const granting = actor.memberships.filter((membership) => roleGrants(membership.role, permission));
    if (granting.length === 0) return false;
    if (!resource) return true;
    const policy = POLICIES[permission];
    return granting.some((membership) =>
      membership.organisationId === null ? true : policy(membership, resource),
    );
  }

  async function deny(actor: Actor | null, permission: Permission, resource: ResourceScope | undefined, request?: { ip?: string; id?: string }) {
    await db.transaction().execute((trx) =>
      audit.record(trx, {
        actor,
        action: 'access.denied',
        outcome: 'denied',
        ...(resource?.subject ? { subject: resource.subject } : {}),
        organisationId: resource?.organisationId ?? null,
        details: { permission },
        ...(request ? { request } : {}),
      }),
    );
  }

  return {
    can,
    /**
     * Throws unless allowed: 401 when nobody is signed in; else 404 when the actor may not know
     * the record exists (`whenDenied: 'not_found'`), 403 when they may see it but not act.
     */
    async require(
      actor: Actor | null,
      permission: Permission,
      resource?: ResourceScope,
      options: { whenDenied?: AccessDenied; request?: { ip?: string; id?: string } } = {},
    ): Promise<Actor> {
      if (!actor) throw new AppError('unauthenticated', 401);
      if (can(actor, permission, resource)) return actor;
      await deny(actor, permission, resource, options.request);
      if (options.whenDenied === 'not_found') throw new NotFoundError('not_found');
      throw new AppError('forbidden', 403, { permission });
    },
    deny,
  };
}

export type Access = ReturnType<typeof createAccess>;
