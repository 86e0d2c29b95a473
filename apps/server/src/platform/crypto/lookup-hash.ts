import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hashes of personal identifiers (e-mail, phone, date of birth), so that duplicates can be
 * found and a person can be recognised without storing or scanning the plaintext. HMAC-SHA-256
 * under a key derived from the field-encryption key (HKDF, its own label), so a leaked table can
 * not be reversed by hashing a phone book. Values are normalised before hashing: the same e-mail
 * typed twice, or the same phone number written with spaces, hash alike.
 */
export type LookupKind = 'email' | 'phone' | 'birth_date';

export function createLookupHasher(encryptionKey: Buffer) {
  const key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'glocal/lookup-hash/v1', 32));
  return {
    hash(kind: LookupKind, value: string): string {
      return createHmac('sha256', key).update(`${kind}:${normaliseIdentifier(kind, value)}`).digest('base64url');
    },
  };
}

export type LookupHasher = ReturnType<typeof createLookupHasher>;

/** E-mail: trimmed, lower-cased. Phone: digits only, a leading 00 read as +. Date: as given (ISO). */
export function normaliseIdentifier(kind: LookupKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'email') return trimmed.toLowerCase();
  if (kind === 'phone') return trimmed.replace(/^00/, '+').replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return trimmed;
}
