import { describe, expect, it } from 'vitest';
import { readCsv } from './csvReader.ts';

async function read(text: string) {
  const out: { header: string[]; rows: [number, string[]][]; malformed: number[] } = { header: [], rows: [], malformed: [] };
  await readCsv(text, {
    header: (names) => (out.header = names),
    row: (cells, line) => out.rows.push([line, cells]),
    malformed: (line) => out.malformed.push(line),
  });
  return out;
}

describe('readCsv', () => {
  it('strips a BOM and normalises header names', async () => {
    const { header } = await read('\uFEFF Id ,OWNER,Close_Date\n1,a,b\n');
    expect(header).toEqual(['id', 'owner', 'close_date']);
  });
  it.each([',', ';', '\t'])('detects the %j delimiter', async (d) => {
    const { header, rows } = await read(['id', 'amount'].join(d) + '\n' + ['D1', '"1,5"'].join(d) + '\n');
    expect(header).toEqual(['id', 'amount']);
    expect(rows).toEqual([[2, ['D1', '1,5']]]);
  });
  it('keeps physical line numbers across quoted line breaks, blank lines and CRLF', async () => {
    const { rows } = await read('id,name\r\nD1,"two\r\nlines"\r\n\r\nD2,"a, b"\r\nD3,x\r\n');
    expect(rows.map(([line, cells]) => [line, cells[0]])).toEqual([[2, 'D1'], [5, 'D2'], [6, 'D3']]);
    expect(rows[0][1][1]).toBe('two\r\nlines');
  });
  it('reports an unclosed quote as a malformed row instead of throwing', async () => {
    const { malformed } = await read('id,name\nD1,"never closed\nD2,x\n');
    expect(malformed).toEqual([2]);
  });
});
