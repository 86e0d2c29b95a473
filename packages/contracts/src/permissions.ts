import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.js';

// The tables themselves live in roles.ts, free of zod, for the web's every-page session code.
export { PERMISSIONS, PLATFORM_ROLES, ROLES, ROLE_PERMISSIONS, roleGrants } from './roles.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;
