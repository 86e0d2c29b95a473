import { strToU8, zip, type Zippable } from 'fflate';

/**
 * A zip archive of text files (deflated, UTF-8 names) with fflate: compressed off the event loop,
 * in fflate's worker threads, so a large export does not stall other requests.
 */
export function zipFiles(files: Record<string, string>, at: Date = new Date()): Promise<Buffer> {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return new Promise((resolve, reject) =>
    zip(entries, { level: 6, mtime: at }, (error, archive) => (error ? reject(error) : resolve(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)))),
  );
}
