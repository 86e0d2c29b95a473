import { z } from 'zod';
import { Id, Locale } from './common.js';
import { Role } from './permissions.js';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const MembershipView = z.object({
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  role: Role,
});
export type MembershipView = z.infer<typeof MembershipView>;

export const MeView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  kind: z.enum(['staff', 'migrant']),
  memberships: z.array(MembershipView),
  /** Echo it in the `x-csrf-token` header of every cookie-authenticated write. */
  csrfToken: z.string(),
  /** Sign-in asks for a TOTP code (or a recovery code) after the password. */
  mfaEnabled: z.boolean(),
  /**
   * Two-factor sign-in is required of this person (platform-wide role outside demo mode, or an
   * organisation that requires it) and not set up yet: the web sends them to the enrolment page.
   */
  mfaEnrollmentRequired: z.boolean(),
});
export type MeView = z.infer<typeof MeView>;

/** What a person changes about themselves: the language of their e-mails, how they are named. */
export const MeUpdateBody = z
  .object({ locale: Locale, displayName: z.string().trim().min(1).max(200) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type MeUpdateBody = z.infer<typeof MeUpdateBody>;

/** The password was right; the second step (`POST /auth/login/mfa`) must follow within five minutes. */
export const MfaChallengeView = z.object({
  mfaRequired: z.literal(true),
  /** Opaque, single use; send it back with the code. */
  challenge: z.string(),
});
export type MfaChallengeView = z.infer<typeof MfaChallengeView>;

/** `POST /auth/login` answers the signed-in person, or the second step to take. */
export const LoginResponse = z.union([MeView, MfaChallengeView]);
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A 6-digit TOTP code, or one of the recovery codes (`xxxx-xxxx-xxxx-xxxx`). */
export const MfaCode = z.string().trim().min(6).max(40);

export const LoginMfaBody = z.object({
  challenge: z.string().min(1).max(200),
  code: MfaCode,
});
export type LoginMfaBody = z.infer<typeof LoginMfaBody>;

/** Shown once, while enrolling: the secret as a QR-code URI, and in base32 to type by hand. */
export const MfaSetupView = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
});
export type MfaSetupView = z.infer<typeof MfaSetupView>;

export const MfaConfirmBody = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'six digits'),
});
export type MfaConfirmBody = z.infer<typeof MfaConfirmBody>;

/** Shown once: each code signs in once instead of a TOTP code. Only their hashes are stored. */
export const MfaRecoveryCodesView = z.object({
  recoveryCodes: z.array(z.string()),
});
export type MfaRecoveryCodesView = z.infer<typeof MfaRecoveryCodesView>;

/** Turning two-factor sign-in off takes a current code (TOTP or recovery) or the password. */
export const MfaDisableBody = z
  .object({
    code: MfaCode.optional(),
    password: z.string().min(1).max(1024).optional(),
  })
  .refine((body) => body.code !== undefined || body.password !== undefined, {
    message: 'a code or the password is required',
    path: ['code'],
  });
export type MfaDisableBody = z.infer<typeof MfaDisableBody>;
