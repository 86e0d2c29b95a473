import { z } from 'zod';
import { Email } from './auth.js';
import { Locale } from './common.js';
import { EmailedToken, NewPassword } from './invitations.js';

/** Always answered 202, whether or not an account has this address. */
export const PasswordResetRequestBody = z.object({ email: Email });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

export const PasswordResetConfirmBody = z.object({ token: EmailedToken, password: NewPassword });
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

/** A migrant creates their own account; it exists once they open the link e-mailed to them. */
export const RegistrationBody = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  password: NewPassword,
  locale: Locale,
});
export type RegistrationBody = z.infer<typeof RegistrationBody>;

export const RegistrationConfirmBody = z.object({ token: EmailedToken });
export type RegistrationConfirmBody = z.infer<typeof RegistrationConfirmBody>;
