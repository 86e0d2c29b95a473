import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashSecret } from '../../platform/auth/tokens.js';

export const TOTP_ISSUER = 'Glocal';
/** Steps either side of now that still count: tolerates a phone clock 30 s off, no more. */
const DRIFT_STEPS = 1;

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const totpFor = (secretBase32: string, label = '') =>
  new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: 30 });

/** A fresh 160-bit secret, base32 as authenticator apps take it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI a QR code carries. */
export const otpauthUri = (secretBase32: string, accountLabel: string) => totpFor(secretBase32, accountLabel).toString();

/**
 * The time step `code` belongs to, or null when it matches no step within the drift, or a step
 * no later than `lastUsedStep` (a code already accepted, or an older one): each code works once.
 */
export function acceptedStep(secretBase32: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code, timestamp: now, window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = totp.counter({ timestamp: now }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols, no look-alikes (l/1, o/0)

/**
 * Ten codes of 16 symbols (80 bits each) in groups of four. That much entropy lets a plain SHA-256
 * stand in for a slow hash: nobody can enumerate 2^80 candidates from a leaked table.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const symbols = [...randomBytes(16)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join('');
    return symbols.match(/.{4}/g)!.join('-');
  });
}

/** How a recovery code is stored and looked up: case, spaces and dashes do not matter. */
export const recoveryCodeHash = (code: string) => hashSecret(code.toLowerCase().replace(/[\s-]/g, ''));

export const looksLikeTotpCode = (code: string) => /^\d{6}$/.test(code);
