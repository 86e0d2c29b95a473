import type { Permission } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { ResourceScope } from '../../platform/access/policies/index.js';
import { caseLeadScope, caseReadScope, loadCaseScope, type CaseScope } from './case-access.js';

/**
 * The collaboration pieces' view of who reaches a case. A desk a referral is still pending with
 * sees a summary only (the incoming-referral list); the case's material (documents, consents,
 * the disclosure history) is for the lead desk and for desks that took part in an accepted
 * referral, while their share stands.
 */
export type CollaborationScope = CaseScope & { materialDeskIds: string[] };

export async function loadCollaborationScope(db: Executor, caseId: string): Promise<CollaborationScope | undefined> {
  const scope = await loadCaseScope(db, caseId);
  if (!scope) return undefined;
  if (scope.sharedWithDeskIds.length === 0) return { ...scope, materialDeskIds: [] };
  const accepted = await db
    .selectFrom('caseShare')
    .innerJoin('referral', 'referral.id', 'caseShare.referralId')
    .select('caseShare.deskId')
    .where('caseShare.caseId', '=', caseId)
    .where('caseShare.deskId', 'in', scope.sharedWithDeskIds)
    .where('caseShare.revokedAt', 'is', null)
    .where('referral.status', '=', 'accepted')
    .execute();
  return { ...scope, materialDeskIds: [...new Set(accepted.map((row) => row.deskId))] };
}

/** For reading a case's material: the lead desk and the desks of accepted referrals. */
export function materialReadScope(scope: CollaborationScope): ResourceScope {
  return {
    organisationId: scope.leadDeskId,
    organisationIds: [scope.leadDeskId, ...scope.materialDeskIds],
    subject: { type: 'case', id: scope.caseId },
  };
}

/** The desk through which the actor reached the case, recorded with each read: who saw what, from where. */
export function deskOfActor(actor: Actor, scope: CaseScope): string | null {
  const desks = [scope.leadDeskId, ...scope.sharedWithDeskIds];
  return actor.memberships.find((m) => m.organisationId && desks.includes(m.organisationId))?.organisationId ?? null;
}

/** ISO timestamps for views. */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/**
 * For acting on a case, which only its lead desk does: 403 for a desk that may read the case
 * (it knows it exists), 404 for everybody else.
 */
export async function requireLead(
  access: Access,
  actor: Actor | null,
  permission: Permission,
  scope: CaseScope,
  request?: { ip?: string; id?: string },
): Promise<Actor> {
  const visible = access.can(actor, 'cases:read', caseReadScope(scope));
  return access.require(actor, permission, caseLeadScope(scope), { whenDenied: visible ? 'forbidden' : 'not_found', ...(request ? { request } : {}) });
}
