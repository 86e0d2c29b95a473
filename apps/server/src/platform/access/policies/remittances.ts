import type { ScopeRule } from './index.js';

// Inlined (not imported from index.ts) so this module loads before the table that spreads it.
const sameOrganisation: ScopeRule = (membership, resource) =>
  membership.organisationId === resource.organisationId ||
  (resource.organisationIds ?? []).includes(membership.organisationId ?? '');

/**
 * Remittances. Reports read public prices and the desks' anonymous transfer records: any staff
 * member's organisation reaches them, the savings report then filters to the actor's desks.
 * Imports feed the shared price base for the whole network. A provider's prices are reported by
 * the staff of the organisation that *is* that provider (`organisationId`); transfers are
 * recorded for one desk (`organisationId`), by its own staff or its host authority's.
 */
export const REMITTANCES_POLICIES = {
  'remittances:report': () => true,
  'remittances:import': () => true,
  'remittances:manage_prices': sameOrganisation,
  'remittances:record_transfers': sameOrganisation,
} satisfies Record<`remittances:${string}`, ScopeRule>;
