import type { OrganisationType, OrganisationView, PartnershipView } from '@glocal/contracts';
import type { OrganisationRow } from './organisations.repository.js';
import type { PartnershipRow } from './partnerships.repository.js';

export const toOrganisationView = (row: OrganisationRow, servedTerritoryIds: string[]): OrganisationView => ({
  id: row.id,
  type: row.type as OrganisationType,
  name: row.name,
  hostOrganisationId: row.hostOrganisationId,
  homeTerritoryId: row.homeTerritoryId,
  servedTerritoryIds,
  languages: row.languages,
  email: row.email,
  phone: row.phone,
  website: row.website,
  requireMfa: row.requireMfa,
});

export const toPartnershipView = (
  row: PartnershipRow,
  partners: { organisationId: string | null; territoryId: string | null; name: string; role: string }[],
): PartnershipView => ({
  id: row.id,
  kind: row.kind as PartnershipView['kind'],
  name: row.name,
  description: row.description,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  partners: partners.map(({ organisationId, territoryId, name, role }) => ({ organisationId, territoryId, name, role })),
});
