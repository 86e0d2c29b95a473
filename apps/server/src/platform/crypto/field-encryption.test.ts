import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFieldCipher, KEY_FILE, loadFieldEncryptionKey } from './field-encryption.js';

describe('field encryption', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('round-trips, with a fresh IV each time', () => {
    const first = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user_mfa:1');
    const second = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user_mfa:1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(first, 'user_mfa:1')).toBe('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(second, 'user_mfa:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses an altered value, another context, or another key', () => {
    const stored = cipher.encrypt('secret', 'user_mfa:1');
    const [version, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'user_mfa:1')).toThrow();
    expect(() => cipher.decrypt(stored, 'user_mfa:2')).toThrow();
    expect(() => createFieldCipher(randomBytes(32)).decrypt(stored, 'user_mfa:1')).toThrow();
    expect(() => cipher.decrypt('garbage', 'user_mfa:1')).toThrow(/format/);
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => createFieldCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the field encryption key', () => {
  const log = { warn: vi.fn() };
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('comes from ENCRYPTION_KEY when set, without a warning', async () => {
    const key = randomBytes(32);
    expect(await loadFieldEncryptionKey({ encryptionKey: key.toString('base64'), dataDir: '/nonexistent' }, log)).toEqual(key);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('is generated once into DATA_DIR with mode 0600 and reused at the next start, with a warning', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'glocal-key-'));
    dirs.push(dataDir);
    const first = await loadFieldEncryptionKey({ encryptionKey: undefined, dataDir }, log);
    const second = await loadFieldEncryptionKey({ encryptionKey: undefined, dataDir }, log);
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    const stat = await fs.stat(path.join(dataDir, KEY_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/Production must set ENCRYPTION_KEY/));
  });

  it('stays in memory with an in-memory database', async () => {
    const key = await loadFieldEncryptionKey({ encryptionKey: undefined, dataDir: 'memory://' }, log);
    expect(key).toHaveLength(32);
  });
});
