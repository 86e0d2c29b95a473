import { MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { BadRequestError } from '../../platform/errors/app-error.js';

/**
 * A password someone chooses must be long (NIST SP 800-63B: length over composition rules, counted
 * in characters, not bytes) and must not be their own e-mail address or its local part.
 */
export function requireAcceptablePassword(password: string, email: string): void {
  const normalised = password.trim().toLowerCase();
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const isTheAddress = normalised === email || normalised === email.split('@')[0];
  if (tooShort || isTheAddress) throw new BadRequestError('auth.password_too_weak', { minLength: MIN_PASSWORD_LENGTH });
}
