import type { Permission } from '@glocal/contracts';
import type { ActorMembership } from '../../auth/actor.js';

/** The scope of a record an actor wants to act on. */
export type ResourceScope = {
  /** The organisation that owns the record, and the ones that host it (a desk's host). */
  organisationId?: string | null;
  organisationIds?: string[];
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
  'partnerships:read': anyOrganisation,
  'partnerships:manage': sameOrganisation,
  'territory_statistics:read': anyOrganisation,
  'territory_statistics:import': sameOrganisation,
  'audit:read': sameOrganisation,
};
