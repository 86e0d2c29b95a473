import {
  InvitationList,
  MemberList,
  OrganisationList,
  OrganisationView,
  type InvitationView,
  type ListEnvelope,
  type OrganisationView as Organisation,
} from '@glocal/contracts';

// The demo network around Diourbel; territory ids match the territories feature's fixture.
export const SN_DB = '00000000-0000-4000-8000-000000000011';
export const SN_DB_DI = '00000000-0000-4000-8000-000000000111';
export const SN_DB_BA = '00000000-0000-4000-8000-000000000113';
export const BE_BRU = '00000000-0000-4000-8000-000000000031';

export const ARD_ID = '10000000-0000-4000-8000-000000000001';
export const CAIM_ID = '10000000-0000-4000-8000-000000000002';
export const MUTUAL_ID = '10000000-0000-4000-8000-000000000003';
export const BRUSSELS_DESK_ID = '10000000-0000-4000-8000-000000000004';

const base = { hostOrganisationId: null, email: null, phone: null, website: null, requireMfa: false, servedTerritoryIds: [] };

const ORGANISATIONS: Organisation[] = [
  { ...base, id: ARD_ID, type: 'local_authority', name: 'Agence régionale de développement de Diourbel', homeTerritoryId: SN_DB, languages: ['fr', 'wo'], servedTerritoryIds: [SN_DB_DI, SN_DB_BA] },
  { ...base, id: CAIM_ID, type: 'help_desk', name: 'CAIM Diourbel', hostOrganisationId: ARD_ID, homeTerritoryId: SN_DB_DI, languages: ['fr', 'wo'], servedTerritoryIds: [SN_DB_BA], email: 'caim@diourbel.test', phone: '+221 33 971 00 00', website: 'https://caim.diourbel.test' },
  { ...base, id: MUTUAL_ID, type: 'mutual', name: 'Mutuelle d’épargne et de crédit du Baol', homeTerritoryId: SN_DB, languages: ['fr', 'wo'] },
  { ...base, id: BRUSSELS_DESK_ID, type: 'help_desk', name: 'Guichet migrants entrepreneurs Bruxelles', homeTerritoryId: BE_BRU, languages: ['fr', 'nl', 'en'] },
];

export function organisationFixture(id: string = CAIM_ID): Organisation {
  return OrganisationView.parse(ORGANISATIONS.find((organisation) => organisation.id === id));
}

/** A page of the directory, checked against the shared contract. */
export function organisationPageFixture(ids: string[], nextCursor: string | null = null): ListEnvelope<Organisation> {
  return OrganisationList.parse({ items: ids.map((id) => organisationFixture(id)), nextCursor });
}

export const ALL_ORGANISATION_IDS = ORGANISATIONS.map((organisation) => organisation.id);

export function memberListFixture() {
  return MemberList.parse({
    items: [
      { userId: '20000000-0000-4000-8000-000000000001', displayName: 'Fatou Diop', email: 'manager.diourbel@glocal.test', role: 'desk_manager' },
      { userId: '20000000-0000-4000-8000-000000000002', displayName: 'Mamadou Fall', email: 'coach.diourbel@glocal.test', role: 'coach' },
    ],
    nextCursor: null,
  });
}

export function invitationFixture(overrides: Partial<InvitationView> = {}): InvitationView {
  return InvitationList.parse({
    items: [
      {
        id: '30000000-0000-4000-8000-000000000001',
        organisationId: CAIM_ID,
        email: 'new.coach@glocal.test',
        role: 'coach',
        locale: 'fr',
        status: 'pending',
        invitedBy: '20000000-0000-4000-8000-000000000001',
        expiresAt: '2026-12-01T10:00:00.000Z',
        createdAt: '2026-11-24T10:00:00.000Z',
        ...overrides,
      },
    ],
    nextCursor: null,
  }).items[0]!;
}
