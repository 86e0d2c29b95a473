import { describe, expect, it } from 'vitest';
import { unzipText } from '../../../test/unzip.js';
import { zipFiles } from './zip.js';

describe('zipFiles', () => {
  it('writes deflated entries that read back byte for byte, names and texts in UTF-8', async () => {
    const files = { 'datapackage.json': '{"name":"hsds"}\n', 'services.csv': 'id,name\n1,"Crédit ""Kaay"""\n'.repeat(500), 'العربية.csv': 'نص\n' };
    const archive = await zipFiles(files, new Date('2026-03-04T05:06:08Z'));
    expect(unzipText(archive)).toEqual(files);
    expect(archive.length).toBeLessThan(files['services.csv'].length);
    // Entry time and date in MS-DOS form: 05:06:08 and 2026-03-04.
    expect(archive.readUInt16LE(10)).toBe((5 << 11) | (6 << 5) | 4);
    expect(archive.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (3 << 5) | 4);
  });

  it('writes an empty archive as its end record alone', async () => {
    const archive = await zipFiles({});
    expect(archive.length).toBe(22);
    expect(unzipText(archive)).toEqual({});
  });
});
