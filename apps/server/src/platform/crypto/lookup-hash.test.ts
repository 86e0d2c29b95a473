import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLookupHasher } from './lookup-hash.js';

describe('lookup hashes of personal identifiers', () => {
  const hasher = createLookupHasher(randomBytes(32));

  it('hashes the same e-mail alike whatever its case and spaces, and never shows it', () => {
    const hash = hasher.hash('email', ' Awa.Diop@Example.org ');
    expect(hash).toBe(hasher.hash('email', 'awa.diop@example.org'));
    expect(hash).not.toContain('awa');
  });

  it('reads a phone number written with spaces, dashes or 00 as the same number', () => {
    expect(hasher.hash('phone', '00 32 470 12-34-56')).toBe(hasher.hash('phone', '+32470123456'));
    expect(hasher.hash('phone', '+32470123456')).not.toBe(hasher.hash('phone', '+32470123457'));
  });

  it('depends on the key and on the kind of identifier', () => {
    expect(createLookupHasher(randomBytes(32)).hash('email', 'a@b.org')).not.toBe(hasher.hash('email', 'a@b.org'));
    expect(hasher.hash('phone', '123')).not.toBe(hasher.hash('birth_date', '123'));
  });
});
