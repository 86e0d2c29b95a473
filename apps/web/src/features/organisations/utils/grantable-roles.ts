import { ROLE_PERMISSIONS, staffRolesOf, type InvitableRole, type MembershipView, type OrganisationView } from '@glocal/contracts';

/**
 * The roles this person may offer in an invitation to `organisation`, mirroring the server's rule:
 * every staff role of that kind of organisation, but no administrators from a desk manager. Only
 * to shape the form; the server decides (`invitation.role_not_allowed`).
 */
export function grantableRoles(memberships: readonly MembershipView[], organisation: Pick<OrganisationView, 'id' | 'type'>): InvitableRole[] {
  const reaching = memberships.filter(
    (membership) =>
      ROLE_PERMISSIONS[membership.role].includes('members:invite') &&
      (membership.organisationId === null ||
        (membership.organisationId === organisation.id && (membership.role !== 'desk_manager' || organisation.type === 'help_desk'))),
  );
  const roles = [...staffRolesOf(organisation.type)];
  if (reaching.some((membership) => membership.role !== 'desk_manager')) return roles;
  return reaching.length > 0 ? roles.filter((role) => role !== 'org_admin') : [];
}
