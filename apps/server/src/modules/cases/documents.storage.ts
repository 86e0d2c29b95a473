import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Case documents on disk, outside the database: `DATA_DIR/documents/<random key>`, each file
 * named by a key that says nothing about the case or the person. With an in-memory database
 * (tests, a throw-away demo) the files go to a temporary folder removed when the app closes.
 */
export type DocumentStorage = Awaited<ReturnType<typeof openDocumentStorage>>;

export async function openDocumentStorage(dataDir: string) {
  const temporary = dataDir === 'memory://';
  const dir = temporary ? await fs.mkdtemp(path.join(os.tmpdir(), 'glocal-documents-')) : path.join(dataDir, 'documents');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const fileOf = (key: string) => {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(key)) throw new Error('invalid storage key');
    return path.join(dir, key);
  };
  return {
    dir,
    newKey: () => randomBytes(24).toString('base64url'),
    /** 'wx': a key is written once, never over another file. */
    write: (key: string, content: Buffer) => fs.writeFile(fileOf(key), content, { flag: 'wx', mode: 0o600 }),
    read: (key: string) => createReadStream(fileOf(key)),
    remove: (key: string) => fs.rm(fileOf(key), { force: true }),
    exists: (key: string) => fs.access(fileOf(key)).then(() => true, () => false),
    close: async () => {
      if (temporary) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
