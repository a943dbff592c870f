import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvField, csvLine } from './sampleCsv.ts';

describe('csvLine', () => {
  it('quotes only fields with a comma, quote or line break', () => {
    expect(csvLine(['a', 'b c', ''])).toBe('a,b c,\n');
    expect(csvField('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
    expect(csvField('The "Blue Fin" Group')).toBe('"The ""Blue Fin"" Group"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField("O'Neil")).toBe("O'Neil");
  });

  it('round-trips through papaparse', () => {
    const row = ['Smith, Jones & Co', '"quoted"', 'line\r\nbreak', 'Müller', ' padded '];
    expect(Papa.parse<string[]>(csvLine(row), { skipEmptyLines: true }).data).toEqual([row]);
  });
});
