import { roleGrants, staffRolesOf, type InvitableRole, type OrganisationType } from '@glocal/contracts';
import type { ActorMembership } from '../../auth/actor.js';
import type { ScopeRule } from './index.js';

/**
 * Staff are invited by their own organisation's administrators; a desk manager invites to a help
 * desk only (the role means nothing elsewhere).
 */
export const inviteToOwnOrganisation: ScopeRule = (membership, resource) =>
  membership.organisationId === resource.organisationId &&
  (membership.role !== 'desk_manager' || resource.organisationType === 'help_desk');

/**
 * The roles these memberships may hand out in an organisation: all its staff roles for a platform
 * or organisation administrator; a desk manager cannot make administrators, so an invitation
 * never grants more than its sender holds.
 */
export function grantableRoles(
  memberships: readonly ActorMembership[],
  organisation: { id: string; type: OrganisationType },
): readonly InvitableRole[] {
  const resource = { organisationId: organisation.id, organisationType: organisation.type };
  const reaching = memberships.filter(
    (membership) =>
      roleGrants(membership.role, 'members:invite') &&
      (membership.organisationId === null || inviteToOwnOrganisation(membership, resource)),
  );
  const roles = staffRolesOf(organisation.type);
  if (reaching.some((membership) => membership.role !== 'desk_manager')) return roles;
  return reaching.length > 0 ? roles.filter((role) => role !== 'org_admin') : [];
}
