import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, a link or an API token: 32 bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** What we store instead of a secret: a leaked table then opens nothing. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
