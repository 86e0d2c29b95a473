import { z } from 'zod';

/** Roles a person holds in an organisation (or platform-wide, for the first two). */
export const ROLES = [
  'platform_admin',
  'dpo',
  'org_admin',
  'lra_officer',
  'desk_manager',
  'coach',
  'partner_staff',
  'migrant',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles that hold across the whole platform rather than within one organisation. */
export const PLATFORM_ROLES: readonly Role[] = ['platform_admin', 'dpo'];

/** Every permission, `domain:action`, defined once; the server decides, the web hides controls. */
export const PERMISSIONS = [
  'organisations:read',
  'organisations:create',
  'organisations:update',
  'members:read',
  'partnerships:read',
  'partnerships:manage',
  'territory_statistics:read',
  'territory_statistics:import',
  'audit:read',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

const STAFF_READ: Permission[] = ['organisations:read', 'partnerships:read', 'territory_statistics:read'];

/**
 * What each role may do, coarsely. Whether it may do it to a given record (its organisation,
 * its territory) is decided by the server's policy, from this table plus the record's scope.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: [...PERMISSIONS.filter((permission) => permission !== 'audit:read')],
  dpo: [...STAFF_READ, 'members:read', 'audit:read'],
  org_admin: [...STAFF_READ, 'organisations:update', 'members:read'],
  lra_officer: [...STAFF_READ, 'partnerships:manage', 'territory_statistics:import', 'members:read'],
  desk_manager: [...STAFF_READ, 'members:read'],
  coach: [...STAFF_READ],
  partner_staff: [...STAFF_READ],
  migrant: [],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
