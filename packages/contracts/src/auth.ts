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
});
export type MeView = z.infer<typeof MeView>;
