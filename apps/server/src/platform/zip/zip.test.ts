import { describe, expect, it } from 'vitest';
import { unzipText } from '../../../test/unzip.js';
import { zipFiles } from './zip.js';

describe('zipFiles', () => {
  it('writes deflated entries that read back byte for byte, names and texts in UTF-8', async () => {
    const files = { 'datapackage.json': '{"name":"hsds"}\n', 'services.csv': 'id,name\n1,"Crédit ""Kaay"""\n'.repeat(500), 'العربية.csv': 'نص\n' };
    const archive = await zipFiles(files, new Date('2026-03-04T05:06:08Z'));
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    expect(unzipText(archive)).toEqual(files);
    expect(archive.length).toBeLessThan(files['services.csv'].length);
  });

  it('writes an empty archive as its end record alone', async () => {
    const archive = await zipFiles({});
    expect(archive.length).toBe(22);
    expect(unzipText(archive)).toEqual({});
  });
});
