import fs from 'node:fs/promises';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { poolRandomBytes } from './random-pool.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const VERSION = 'v1';
export const KEY_FILE = 'encryption.key';

/**
 * Encrypts individual database fields (a TOTP secret) with AES-256-GCM and a random IV per value.
 * `context` is bound as associated data, so a ciphertext copied onto another row fails to decrypt.
 */
export function createFieldCipher(key: Buffer) {
  if (key.length !== 32) throw new Error('The field encryption key must be 32 bytes');
  return {
    encrypt(plaintext: string, context: string): string {
      const iv = poolRandomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },

    /** Throws when the value was altered, belongs to another context or another key. */
    decrypt(stored: string, context: string): string {
      const [version, iv, tag, ciphertext] = stored.split('.');
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Unknown encrypted field format');
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(context))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export type FieldCipher = ReturnType<typeof createFieldCipher>;

/**
 * The key from ENCRYPTION_KEY. Unset (demo), a key is generated once and kept in
 * `${DATA_DIR}/encryption.key` (mode 0600) so encrypted fields survive restarts; with an
 * in-memory database it lives in memory like the data it protects. Production sets ENCRYPTION_KEY:
 * a key file beside the data does not protect a stolen disk, and several processes would disagree.
 */
export async function loadFieldEncryptionKey(
  config: Pick<Config, 'encryptionKey' | 'dataDir'>,
  log: Pick<FastifyBaseLogger, 'warn'>,
): Promise<Buffer> {
  if (config.encryptionKey) return Buffer.from(config.encryptionKey, 'base64');
  if (config.dataDir === 'memory://') return randomBytes(32);

  const file = path.join(config.dataDir, KEY_FILE);
  log.warn(`ENCRYPTION_KEY is not set: using the generated key in ${file}. Production must set ENCRYPTION_KEY.`);
  try {
    return decodeKeyFile(await fs.readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': if another process created it meanwhile, use theirs rather than overwrite it.
    await fs.writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decodeKeyFile(await fs.readFile(file, 'utf8'), file);
  }
}

function decodeKeyFile(content: string, file: string): Buffer {
  const key = Buffer.from(content.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
