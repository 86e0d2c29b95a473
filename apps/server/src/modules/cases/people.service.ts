import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { LookupHasher } from '../../platform/crypto/lookup-hash.js';
import type { Executor } from '../../platform/db/database.js';
import { peopleRepository, type PersonRow } from './people.repository.js';

/**
 * Lower-cased, accents and punctuation removed, words sorted: "Ndèye-Fatou  DIOP" and
 * "Diop, Ndeye Fatou" give the same key. Half of the duplicate test (with a contact hash).
 */
export function normaliseName(givenName: string, familyName?: string | null): string {
  return `${givenName} ${familyName ?? ''}`
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

export type NewPerson = {
  givenName: string;
  familyName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  birthDate?: string | undefined;
  residenceStatus?: string | undefined;
  gender?: 'female' | 'male' | 'other' | undefined;
  languages?: string[] | undefined;
  preferredLocale?: string | undefined;
  residenceTerritoryId?: string | undefined;
  originTerritoryId?: string | undefined;
  createdAt?: Date | undefined;
};

/** The person's protected fields in clear, for the staff who may see them (and audited by the caller). */
export type RevealedPerson = { email: string | null; phone: string | null; birthDate: string | null; residenceStatus: string | null };

/** The associated data binding each encrypted field to its row and column. */
export const personContext = (field: 'email' | 'phone' | 'birth_date' | 'residence_status', personId: string) => `person.${field}:${personId}`;
export const caseNeedContext = (caseId: string) => `support_case.need:${caseId}`;

export type PeopleProtection = ReturnType<typeof createPeopleProtection>;

/**
 * How a person's data are kept: phone, e-mail, date of birth and residence status encrypted
 * (AES-256-GCM, the row and column bound as associated data), phone, e-mail and date of birth also
 * as keyed hashes for duplicate look-ups, which never need the plaintext.
 */
export function createPeopleProtection({ cipher, lookupHasher }: { cipher: FieldCipher; lookupHasher: LookupHasher }) {
  const encrypt = (value: string | undefined, context: string) => (value ? cipher.encrypt(value, context) : null);

  /** Row values for a new person, id chosen here so the ciphertexts can be bound to it. */
  function personValues(input: NewPerson, id: string = randomUUID()) {
    return {
      id,
      givenName: input.givenName.trim(),
      familyName: input.familyName?.trim() || null,
      normalisedName: normaliseName(input.givenName, input.familyName),
      emailEncrypted: encrypt(input.email, personContext('email', id)),
      emailHash: input.email ? lookupHasher.hash('email', input.email) : null,
      phoneEncrypted: encrypt(input.phone, personContext('phone', id)),
      phoneHash: input.phone ? lookupHasher.hash('phone', input.phone) : null,
      birthDateEncrypted: encrypt(input.birthDate, personContext('birth_date', id)),
      birthDateHash: input.birthDate ? lookupHasher.hash('birth_date', input.birthDate) : null,
      residenceStatusEncrypted: encrypt(input.residenceStatus, personContext('residence_status', id)),
      gender: input.gender ?? null,
      languages: input.languages ?? [],
      preferredLocale: input.preferredLocale ?? 'en',
      residenceTerritoryId: input.residenceTerritoryId ?? null,
      originTerritoryId: input.originTerritoryId ?? null,
      userId: null,
      mergedIntoPersonId: null,
      erasedAt: null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    };
  }

  return {
    personValues,

    /** Inserts a person in the caller's transaction. */
    create: (db: Executor, input: NewPerson): Promise<PersonRow> => peopleRepository(db).insert(personValues(input)),

    reveal(row: PersonRow): RevealedPerson {
      const open = (value: string | null, field: Parameters<typeof personContext>[0]) =>
        value === null ? null : cipher.decrypt(value, personContext(field, row.id));
      return {
        email: open(row.emailEncrypted, 'email'),
        phone: open(row.phoneEncrypted, 'phone'),
        birthDate: open(row.birthDateEncrypted, 'birth_date'),
        residenceStatus: open(row.residenceStatusEncrypted, 'residence_status'),
      };
    },

    /** Any other sensitive field (a note, a message), bound to its row and column by `context`. */
    encryptField: (value: string, context: string) => cipher.encrypt(value, context),

    encryptNeed: (caseId: string, need: string) => cipher.encrypt(need, caseNeedContext(caseId)),
    decryptNeed: (caseId: string, stored: string) => cipher.decrypt(stored, caseNeedContext(caseId)),
  };
}
