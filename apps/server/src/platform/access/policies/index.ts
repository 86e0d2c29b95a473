import type { Permission } from '@glocal/contracts';
import type { ActorMembership } from '../../auth/actor.js';
import { DIRECTORY_POLICIES } from './directory.js';
import { inviteToOwnOrganisation } from './invitations.js';
import { REMITTANCES_POLICIES } from './remittances.js';

/** The scope of a record an actor wants to act on. */
export type ResourceScope = {
  /** The organisation that owns the record, and the ones that host it (a desk's host). */
  organisationId?: string | null;
  organisationIds?: string[];
  /** The owning organisation's type, for rules that depend on it (a desk manager acts on a help desk only). */
  organisationType?: string;
  subject?: { type: string; id: string };
};

/** Decides, for one organisation-scoped membership whose role grants the permission, whether it reaches the record. */
export type ScopeRule = (membership: ActorMembership, resource: ResourceScope) => boolean;

/** A membership reaches records of its own organisation (or of organisations it hosts). */
export const sameOrganisation: ScopeRule = (membership, resource) =>
  membership.organisationId === resource.organisationId ||
  (resource.organisationIds ?? []).includes(membership.organisationId ?? '');

/** Reference data every staff member reads, whatever organisation they belong to. */
export const anyOrganisation: ScopeRule = () => true;

/** One rule per permission; a new permission without a rule fails to compile. */
export const POLICIES: Record<Permission, ScopeRule> = {
  'organisations:read': anyOrganisation,
  'organisations:create': sameOrganisation,
  'organisations:update': sameOrganisation,
  'members:read': sameOrganisation,
  'members:invite': inviteToOwnOrganisation,
  'partnerships:read': anyOrganisation,
  'partnerships:manage': sameOrganisation,
  'territory_statistics:read': anyOrganisation,
  'territory_statistics:import': sameOrganisation,
  'audit:read': sameOrganisation,
  'api_tokens:manage': sameOrganisation,
  // Cases: `organisationId` is the lead desk; reads also pass the desks it is shared with in
  // `organisationIds` (see modules/cases/case-access.ts), writes only the lead.
  'cases:read': sameOrganisation,
  'cases:create': sameOrganisation,
  'cases:update': sameOrganisation,
  'cases:assign': sameOrganisation,
  'cases:close': sameOrganisation,
  'cases:refer': sameOrganisation,
  'referrals:decide': sameOrganisation,
  'people:merge': sameOrganisation,
  'desk_workload:read': sameOrganisation,
  'erasure:decide': sameOrganisation,
  ...REMITTANCES_POLICIES,
  ...DIRECTORY_POLICIES,
};
