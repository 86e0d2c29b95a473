import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvSlices, readCsv, readCsvHeader } from './read-csv.js';

describe('reading CSV', () => {
  it('reads quoted cells (commas, doubled quotes, line ends), skips blank lines and a BOM, with CRLF or LF line ends', () => {
    const expected = [['name', 'note'], ['Dakar, SN', 'said "yes"\non two lines'], ['Thiès', '']];
    expect(readCsv('\uFEFFname,note\r\n"Dakar, SN","said ""yes""\non two lines"\r\n\r\nThiès,\r\n')).toEqual(expected);
    expect(readCsv('name,note\n"Dakar, SN","said ""yes""\non two lines"\n\nThiès,\n')).toEqual(expected);
  });

  it('names the record of an unclosed quote (the header is record 1)', () => {
    const error = (() => {
      try {
        readCsv('a,b\n1,2\n3,"open\n');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).record).toBe(3);
  });

  it('reads a header alone, and splits a broken one at its commas', () => {
    expect(readCsvHeader('\uFEFFPeriod,Source_Code\n2011_1Q,ITA\n')).toEqual(['Period', 'Source_Code']);
    expect(readCsvHeader('a,"b\n')).toEqual(['a', '"b']);
    expect(readCsvHeader('\n')).toEqual([]);
  });

  it('cuts a large text into slices at record ends only, numbering records across slices', () => {
    const rows = Array.from({ length: 500 }, (_, n) => (n % 7 === 0 ? `${n},"line one\nline two, ""${n}"""` : `${n},plain ${n}`));
    const text = `id,text\n${rows.join('\n')}\n`;
    const slices = [...csvSlices(text, 64)];
    expect(slices.length).toBeGreaterThan(50);
    const records = slices.flatMap((slice) => slice.records);
    expect(records).toEqual(readCsv(text).slice(1));
    expect(records[7]).toEqual(['7', 'line one\nline two, "7"']);
    for (const slice of slices) expect(records[slice.firstRecord - 2]).toEqual(slice.records[0]);
  });

  it('numbers a syntax error in a later slice by its record in the whole file', () => {
    const text = `id\n${Array.from({ length: 100 }, (_, n) => String(n)).join('\n')}\n"broken\n`;
    expect(() => [...csvSlices(text, 16)]).toThrow(expect.objectContaining({ record: 102 }));
  });
});
