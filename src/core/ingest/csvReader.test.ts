import { describe, expect, it } from 'vitest';
import { readCsv, readHeader } from './csvReader.ts';

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
  it('keeps line numbers over many chunks, one of them holding a quoted line break and one a blank line', async () => {
    const lines = ['id,note'];
    for (let i = 1; i <= 60_000; i++) lines.push(i === 20_000 ? `D${i},"two\nlines"` : i === 40_000 ? `D${i},x\n` : `D${i},x`);
    const { rows } = await read(lines.join('\n'));
    expect(rows).toHaveLength(60_000);
    const lineOf = (i: number) => i + 1 + (i > 20_000 ? 1 : 0) + (i > 40_000 ? 1 : 0);
    expect(rows.every(([line, cells], r) => cells[0] === `D${r + 1}` && line === lineOf(r + 1))).toBe(true);
  });
  it('reports an unclosed quote as a malformed row instead of throwing', async () => {
    const { malformed } = await read('id,name\nD1,"never closed\nD2,x\n');
    expect(malformed).toEqual([2]);
  });
});

describe('readCsv on bytes', () => {
  async function* pieces(bytes: Uint8Array, size: number) {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  const collect = async (source: Parameters<typeof readCsv>[0]) => {
    const rows: [number, string[]][] = [];
    const read = await readCsv(source, { header() {}, row: (cells, line) => rows.push([line, cells]), malformed() {} });
    return { rows, read };
  };

  it('gives the same rows and lines however the bytes are split, CRLF and quoted line breaks included', async () => {
    const bytes = new TextEncoder().encode('id,name\r\nD1,"dos\r\nlíneas"\r\n\r\nD2,ñandú\r\n');
    const whole = await collect(bytes);
    expect(whole.rows).toEqual([[2, ['D1', 'dos\r\nlíneas']], [5, ['D2', 'ñandú']]]);
    for (const size of [1, 2, 3, 5, 8]) expect((await collect(pieces(bytes, size))).rows).toEqual(whole.rows);
  });

  it('says on which line Windows-1252 took over, and where unreadable bytes stopped it', async () => {
    const latin1 = Buffer.from('id,name\nD1,Ana\nD2,Jos\xe9\n', 'latin1');
    expect((await collect(pieces(latin1, 4))).read).toMatchObject({ encoding: { encoding: 'windows-1252', by: 'fallback' }, switchedLine: 3, unreadable: null });
    const mixed = Buffer.concat([Buffer.from('id,name\nD1,José\n'), Buffer.from('D2,Zo\xeb\n', 'latin1')]);
    const { rows, read } = await collect(pieces(mixed, 3));
    expect(read.unreadable?.line).toBe(3);
    expect(rows.map(([line]) => line)).toEqual([2]);
  });

  it('reads a header from the first chunk only', async () => {
    expect(await readHeader(pieces(new TextEncoder().encode('Record ID;Deal Name\n1;A\n'), 4))).toEqual(['record id', 'deal name']);
    expect(await readHeader(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
  });
});
