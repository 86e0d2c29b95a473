import { strFromU8, unzipSync } from 'fflate';

/** An archive's files as texts (fflate checks each entry's CRC and sizes). */
export function unzipText(archive: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(archive)).map(([name, data]) => [name, strFromU8(data)]));
}
