// No zod here: the web's session code (on every page, the home page included) computes what a
// person may do from this table, and must not pull the schema library with it.

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
export type RoleCode = (typeof ROLES)[number];

/** Roles that hold across the whole platform rather than within one organisation. */
export const PLATFORM_ROLES: readonly RoleCode[] = ['platform_admin', 'dpo'];

/** Every permission, `domain:action`, defined once; the server decides, the web hides controls. */
export const PERMISSIONS = [
  'organisations:read',
  'organisations:create',
  'organisations:update',
  'members:read',
  'members:invite',
  'partnerships:read',
  'partnerships:manage',
  'territory_statistics:read',
  'territory_statistics:import',
  'audit:read',
  'api_tokens:manage',
  // Desk network and case management. Which cases: the policy (a desk's own, or shared with it by referral).
  'cases:read',
  'cases:create',
  'cases:update',
  'cases:assign',
  'cases:close',
  'cases:refer',
  'referrals:decide',
  'people:merge',
  'desk_workload:read',
  'erasure:decide',
  // Remittance cost comparison: staff reports, price imports, providers' own prices, desks' recorded transfers.
  'remittances:report',
  'remittances:import',
  'remittances:manage_prices',
  'remittances:record_transfers',
  // Services directory: edit entries (own organisation's, or in one's territories), flag any entry,
  // import HSDS data, see stale entries and open flags.
  'directory:edit',
  'directory:flag',
  'directory:import',
  'directory:review',
] as const;
export type PermissionCode = (typeof PERMISSIONS)[number];

const STAFF_READ: PermissionCode[] = ['organisations:read', 'partnerships:read', 'territory_statistics:read'];
const DIRECTORY_DESK: PermissionCode[] = ['directory:edit', 'directory:flag', 'directory:review'];
const CASE_WORK: readonly PermissionCode[] = [
  'cases:read', 'cases:create', 'cases:update', 'cases:assign', 'cases:close', 'cases:refer', 'referrals:decide',
  'people:merge', 'desk_workload:read', 'erasure:decide',
];

/**
 * What each role may do, coarsely. Whether it may do it to a given record (its organisation,
 * its territory) is decided by the server's policy, from this table plus the record's scope.
 */
export const ROLE_PERMISSIONS: Record<RoleCode, readonly PermissionCode[]> = {
  // Platform administrators run the platform, not cases: people's files stay with the desks.
  platform_admin: [...PERMISSIONS.filter((permission) => permission !== 'audit:read' && !CASE_WORK.includes(permission))],
  dpo: [...STAFF_READ, 'members:read', 'audit:read', 'erasure:decide'],
  org_admin: [...STAFF_READ, 'organisations:update', 'members:read', 'members:invite', 'api_tokens:manage', 'directory:edit', 'directory:review'],
  lra_officer: [...STAFF_READ, 'partnerships:manage', 'territory_statistics:import', 'members:read', 'remittances:report', 'remittances:import', ...DIRECTORY_DESK, 'directory:import'],
  desk_manager: [...STAFF_READ, 'members:read', 'members:invite', ...CASE_WORK.filter((p) => p !== 'erasure:decide'), 'remittances:report', 'remittances:record_transfers', ...DIRECTORY_DESK],
  coach: [...STAFF_READ, 'cases:read', 'cases:create', 'cases:update', 'cases:refer', 'referrals:decide', 'remittances:report', 'remittances:record_transfers', ...DIRECTORY_DESK],
  partner_staff: [...STAFF_READ, 'remittances:manage_prices', 'directory:edit', 'directory:review'],
  migrant: [],
};

export function roleGrants(role: RoleCode, permission: PermissionCode): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
