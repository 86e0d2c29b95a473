import type { Permission } from '@glocal/contracts';
import type { ScopeRule } from './index.js';

/**
 * Directory entries carry two scopes: `organisationId`, the organisation that owns the entry (the
 * HSDS organization's link to ours), and `organisationIds`, the organisations whose territories
 * (home or served, with their sub-territories) contain the entry's territory.
 */
const OWNER_ONLY_ROLES = new Set(['partner_staff', 'org_admin']);

/** Partner staff reach their own organisation's entries; desk staff and officers, their territories' too. */
const ownOrTerritory: ScopeRule = (membership, resource) =>
  membership.organisationId === resource.organisationId ||
  (!OWNER_ONLY_ROLES.has(membership.role) && (resource.organisationIds ?? []).includes(membership.organisationId ?? ''));

/** `directory:edit` covers services, locations and the territories' economic opportunities alike. */
export const DIRECTORY_POLICIES: Record<Extract<Permission, `directory:${string}`>, ScopeRule> = {
  'directory:edit': ownOrTerritory,
  'directory:review': ownOrTerritory,
  // Anyone who holds it may flag any entry: a flag changes nothing but asks the owner to check.
  'directory:flag': () => true,
  'directory:import': ownOrTerritory,
};
