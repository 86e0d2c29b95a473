import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto/field-encryption.js';
import { createLookupHasher } from '../../platform/crypto/lookup-hash.js';
import { createPeopleProtection, normaliseName } from './people.service.js';

describe('normaliseName', () => {
  it('lower-cases, removes accents and punctuation, sorts the words', () => {
    expect(normaliseName('Ndèye-Fatou', 'DIOP')).toBe('diop fatou ndeye');
    expect(normaliseName('Diop,  Ndeye', "Fatou.")).toBe('diop fatou ndeye');
    expect(normaliseName('  Éloïse ', null)).toBe('eloise');
    expect(normaliseName('عائشة', 'Mbaye')).toBe(normaliseName('MBAYE', 'عائشة'));
  });
});

describe('people protection', () => {
  const key = Buffer.alloc(32, 3);
  const lookupHasher = createLookupHasher(key);
  const people = createPeopleProtection({ cipher: createFieldCipher(key), lookupHasher });

  it('encrypts each protected field bound to its row, hashes the identifiers, and reveals them back', () => {
    const values = people.personValues({ givenName: 'Awa', email: 'Awa@Example.org', phone: '+221 77 000 00 00', birthDate: '1988-02-01', residenceStatus: 'asylum_seeker' });
    for (const field of [values.emailEncrypted, values.phoneEncrypted, values.birthDateEncrypted, values.residenceStatusEncrypted]) {
      expect(field).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    }
    expect(JSON.stringify(values)).not.toMatch(/Example|000 00|1988|asylum/);
    // The look-up hash is the keyed hash of the e-mail, whatever its case: a duplicate is found by it.
    expect(values.emailHash).toBe(lookupHasher.hash('email', 'awa@example.org'));
    const revealed = people.reveal({ ...values, createdAt: new Date(), updatedAt: new Date() } as never);
    expect(revealed).toEqual({ email: 'Awa@Example.org', phone: '+221 77 000 00 00', birthDate: '1988-02-01', residenceStatus: 'asylum_seeker' });
  });
});
