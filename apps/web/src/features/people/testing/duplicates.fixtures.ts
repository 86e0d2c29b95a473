import { PersonDuplicateList, PersonDuplicateView, type DuplicatePersonView } from '@glocal/contracts';

export const PAIR_ID = '60000000-0000-4000-8000-000000000001';
export const LATER_ID = '40000000-0000-4000-8000-000000000002';
export const EARLIER_ID = '40000000-0000-4000-8000-000000000001';

export function duplicatePersonFixture(overrides: Partial<DuplicatePersonView> = {}): DuplicatePersonView {
  return {
    id: EARLIER_ID,
    givenName: 'Mariama',
    familyName: 'Exemple-Doublon',
    email: null,
    phone: '+221 77 900 01 01',
    birthDate: '1988-04-12',
    createdAt: '2026-04-01T09:00:00.000Z',
    caseReferences: ['GLC-DEM0-D0VB-0001'],
    ...overrides,
  };
}

/** A pair as `GET /api/v1/people/duplicates` lists it, checked against the contract. */
export function duplicatePairFixture(overrides: Partial<PersonDuplicateView> = {}): PersonDuplicateView {
  return PersonDuplicateView.parse({
    id: PAIR_ID,
    status: 'open',
    matchedOn: ['phone'],
    person: duplicatePersonFixture({
      id: LATER_ID,
      familyName: 'Exemple Doublon',
      email: 'mariama.doublon@example.org',
      phone: '00221779000101',
      birthDate: null,
      createdAt: '2026-11-25T09:00:00.000Z',
      caseReferences: ['GLC-DEM0-D0VB-0002'],
    }),
    duplicateOf: duplicatePersonFixture(),
    createdAt: '2026-11-25T09:00:00.000Z',
    ...overrides,
  });
}

export const duplicateListFixture = (items: PersonDuplicateView[], nextCursor: string | null = null) => PersonDuplicateList.parse({ items, nextCursor });
