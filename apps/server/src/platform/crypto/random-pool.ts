import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * Cryptographically secure random bytes, cut from a pool the system's CSPRNG fills 4 KB at a time
 * (as Node does for randomUUID): one call to the generator a few hundred values, not one each (an
 * intake draws six: the field IVs and the reference). Every slice is handed out once; a spent
 * pool is replaced, never refilled in place, so a slice kept by its caller never changes.
 */
export function poolRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.alloc(size));
  if (used + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    used = 0;
  }
  const bytes = pool.subarray(used, used + size);
  used += size;
  return bytes;
}
