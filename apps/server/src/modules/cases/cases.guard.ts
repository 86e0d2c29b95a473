import { roleGrants, type Permission } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { caseLeadScope, caseReadScope, loadCaseScope, type CaseScope } from './case-access.js';

type Request = { ip?: string; id?: string };

/** The desks where the actor holds `permission` (by role, and by the API token's scopes if any). */
export function desksOf(actor: Actor, permission: Permission): string[] {
  if (actor.scopes && !actor.scopes.includes(permission)) return [];
  return [
    ...new Set(
      actor.memberships.flatMap((m) => (m.organisationId && roleGrants(m.role, permission) ? [m.organisationId] : [])),
    ),
  ];
}

/**
 * Every case service starts here. A case the actor's desks do not reach answers 404 (they may
 * not know it exists); a case they may read but not act on (shared by referral) answers 403.
 */
export function createCaseGuard(access: Access) {
  async function scopeOrNotFound(db: Executor, caseId: string): Promise<CaseScope> {
    const scope = await loadCaseScope(db, caseId);
    if (!scope) throw new NotFoundError('case.not_found', { caseId });
    return scope;
  }

  return {
    /** May read: the lead desk and desks the case is shared with. */
    async read(db: Executor, actor: Actor | null, caseId: string, request?: Request) {
      const scope = await scopeOrNotFound(db, caseId);
      const reader = await access.require(actor, 'cases:read', caseReadScope(scope), { whenDenied: 'not_found', ...(request ? { request } : {}) });
      return { scope, actor: reader };
    },

    /** May act with `permission`: readers who are not the lead desk get 403. */
    async act(db: Executor, actor: Actor | null, caseId: string, permission: Permission, request?: Request) {
      const scope = await scopeOrNotFound(db, caseId);
      await access.require(actor, 'cases:read', caseReadScope(scope), { whenDenied: 'not_found', ...(request ? { request } : {}) });
      const doer = await access.require(actor, permission, caseLeadScope(scope), request ? { request } : {});
      return { scope, actor: doer };
    },

    /** May act with `permission` from any desk that reads the case (a desk's own notes). */
    async actFromAnyReadingDesk(db: Executor, actor: Actor | null, caseId: string, permission: Permission, request?: Request) {
      const scope = await scopeOrNotFound(db, caseId);
      await access.require(actor, 'cases:read', caseReadScope(scope), { whenDenied: 'not_found', ...(request ? { request } : {}) });
      const doer = await access.require(actor, permission, caseReadScope(scope), request ? { request } : {});
      return { scope, actor: doer };
    },

    isLead: (actor: Actor, scope: CaseScope, permission: Permission = 'cases:read') => access.can(actor, permission, caseLeadScope(scope)),
  };
}

export type CaseGuard = ReturnType<typeof createCaseGuard>;
