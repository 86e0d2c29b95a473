import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptedStep, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash, RECOVERY_CODE_COUNT } from './totp.js';

const STEP_MS = 30_000;
const codeAt = (secret: string, timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = Math.floor(Date.now() / STEP_MS) * STEP_MS + 10_000;
  const step = Math.floor(now / STEP_MS);

  it('a new secret is 160 bits in base32, and the URI names the issuer and the account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri(secret, 'coach@glocal.test');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Glocal:coach%40glocal\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Glocal');
  });

  it('accepts the current code and one step either side, nothing further', () => {
    expect(acceptedStep(secret, codeAt(secret, now), null, now)).toBe(step);
    expect(acceptedStep(secret, codeAt(secret, now - STEP_MS), null, now)).toBe(step - 1);
    expect(acceptedStep(secret, codeAt(secret, now + STEP_MS), null, now)).toBe(step + 1);
    expect(acceptedStep(secret, codeAt(secret, now - 2 * STEP_MS), null, now)).toBeNull();
    expect(acceptedStep(secret, codeAt(secret, now + 2 * STEP_MS), null, now)).toBeNull();
    // Another secret whose codes around now differ from this one's (two random secrets share one about 3 times in a million).
    let other = newTotpSecret();
    while ([-1, 0, 1].some((k) => codeAt(other, now + k * STEP_MS) === codeAt(secret, now))) other = newTotpSecret();
    expect(acceptedStep(other, codeAt(secret, now), null, now)).toBeNull();
  });

  it('refuses a code of a step already used, or of an earlier one', () => {
    expect(acceptedStep(secret, codeAt(secret, now), step, now)).toBeNull();
    expect(acceptedStep(secret, codeAt(secret, now - STEP_MS), step, now)).toBeNull();
    expect(acceptedStep(secret, codeAt(secret, now + STEP_MS), step, now)).toBe(step + 1);
  });
});

describe('recovery codes', () => {
  it('issues ten distinct codes of four groups of four unambiguous symbols', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
  });

  it('hashes a code the same whatever its case, spaces or dashes', () => {
    const [code] = newRecoveryCodes();
    const hash = recoveryCodeHash(code!);
    expect(hash).not.toContain(code!.replace(/-/g, ''));
    expect(recoveryCodeHash(code!.toUpperCase().replace(/-/g, ' '))).toBe(hash);
    expect(recoveryCodeHash(code!.replace(/-/g, ''))).toBe(hash);
  });
});
