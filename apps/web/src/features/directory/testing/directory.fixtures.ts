import { ServiceDetailView, ServiceSearchResult, TaxonomyTermList } from '@glocal/contracts';

export const FIN = '11111111-1111-4111-8111-111111111111';
export const FIN_CRD = '22222222-2222-4222-8222-222222222222';
export const SERVICE_ID = '33333333-3333-4333-8333-333333333333';
export const ORG_ID = '44444444-4444-4444-8444-444444444444';
export const TERRITORY_ID = '55555555-5555-4555-8555-555555555555';
export const DOCUMENT_ID = '66666666-6666-4666-8666-666666666601';
export const COST_ID = '66666666-6666-4666-8666-666666666602';

export const taxonomyFixture = () =>
  TaxonomyTermList.parse({
    items: [
      { id: FIN, code: 'FIN', name: 'Finance', description: 'Money', parentId: null },
      { id: FIN_CRD, code: 'FIN-CRD', name: 'Credit and micro-credit', description: 'Loans', parentId: FIN },
    ],
    nextCursor: null,
  });

const serviceIdAt = (index: number) => SERVICE_ID.slice(0, -2) + String(index).padStart(2, '0');

export const searchFixture = (names: string[], nextCursor: string | null = null) =>
  ServiceSearchResult.parse({
    items: names.map((name, index) => ({
      id: serviceIdAt(index),
      name,
      description: null,
      organizationId: ORG_ID,
      organizationName: 'Mutuelle du Baol',
      status: 'active',
      terms: [{ id: FIN_CRD, code: 'FIN-CRD', name: 'Credit and micro-credit' }],
      location: { latitude: 14.65, longitude: -16.23, city: 'Diourbel' },
      distanceKm: index === 0 ? 1.25 : null,
      lastVerified: '2026-10-01',
      stale: index === 1,
    })),
    nextCursor,
  });

export const serviceFixture = (overrides: Partial<ServiceDetailView> = {}) =>
  ServiceDetailView.parse({
    ...searchFixture(['Returnee micro-credit']).items[0],
    id: SERVICE_ID,
    alternateName: null,
    eligibility: 'Returnees with a project',
    applicationProcess: 'Book an appointment.',
    feesDescription: null,
    alert: null,
    url: null,
    email: 'contact@example.org',
    territoryId: TERRITORY_ID,
    requiredDocuments: [{ id: DOCUMENT_ID, document: 'Identity card or passport' }],
    schedules: [{ byday: 'MO,TU', opensAt: '09:00', closesAt: '17:00', description: null }],
    languages: [{ code: 'wo', name: null }],
    costs: [{ id: COST_ID, option: 'Free', amount: '0', currency: 'XOF', amountDescription: null }],
    locations: [{ id: TERRITORY_ID, name: 'Diourbel branch', latitude: 14.65, longitude: -16.23, address: 'Avenue Senghor, Diourbel, SN', postalAddress: { address1: 'Avenue Senghor', address2: null, city: 'Diourbel', stateProvince: '', postalCode: '', country: 'SN' }, transportation: null }],
    contacts: [{ kind: 'phone', value: '+221 33 971 10 10', label: null }],
    profile: { diasporaEligible: null, returneeEligible: true, loanMin: '250000', loanMax: '5000000', loanCurrency: 'XOF', collateralRequired: true, interestMin: '12', interestMax: '18', targetGroups: ['returnees'], staffLanguages: ['fr'] },
    openFlags: 0,
    canEdit: false,
    ...overrides,
  });
