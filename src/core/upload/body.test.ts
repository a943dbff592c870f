import { describe, expect, it } from 'vitest';
import { tokenMatches, bearerToken } from './auth.ts';
import { csvMediaType, csvText, readLimited, UploadError } from './body.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('body', () => {
  it('refuses a declared or counted size over the limit', async () => {
    const declared = new Request('http://x/', { method: 'POST', body: 'abcdef', headers: { 'content-length': '6' } });
    await expect(readLimited(declared, 5)).rejects.toMatchObject({ status: 413 });
    const stream = new ReadableStream({ start(c) { c.enqueue(bytes(1, 2, 3)); c.enqueue(bytes(4, 5, 6)); c.close(); } });
    const chunked = new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expect(readLimited(chunked, 5)).rejects.toMatchObject({ status: 413 });
    expect(await readLimited(new Request('http://x/', { method: 'POST', body: 'abc' }), 5)).toEqual(new TextEncoder().encode('abc'));
  });

  it('decodes text as the loader does, and refuses what is not text with a reason', () => {
    expect(csvText(new TextEncoder().encode('a,b\nü,é\n'))).toBe('a,b\nü,é\n');
    // A Windows-1252 export (Excel on Windows), and UTF-16 with its byte order mark.
    expect(csvText(bytes(0x61, 0x0a, 0x63, 0xe9, 0x2c))).toBe('a\ncé,');
    expect(csvText(bytes(0xff, 0xfe, 0x61, 0, 0x0a, 0, 0xf3, 0))).toBe('a\nó');
    const reason = (b: Uint8Array) => {
      try {
        csvText(b);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(UploadError);
        expect((error as UploadError).status).toBe(415);
        return (error as UploadError).message;
      }
    };
    expect(reason(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toMatch(/Excel workbook/);
    expect(reason(bytes(0x61, 0x00, 0x62))).toMatch(/binary data/);
    expect(reason(bytes(0x61, 0x0a, 0x63, 0xe9, 0x8d))).toMatch(/not Windows-1252 either \(byte 0x8D\).*line 2/);
    expect(reason(new Uint8Array([...new TextEncoder().encode('é\n'), 0xe9]))).toMatch(/mixes encodings.*line 2/);
  });

  it('accepts the media types CSV arrives with', () => {
    expect(csvMediaType('text/csv; charset=utf-8', false)).toBe(true);
    expect(csvMediaType('application/vnd.ms-excel', false)).toBe(true);
    expect(csvMediaType('', true)).toBe(true);
    expect(csvMediaType('application/json', true)).toBe(false);
    expect(csvMediaType('image/png', true)).toBe(false);
  });
});

describe('auth', () => {
  it('matches the token exactly and never an empty one', async () => {
    expect(await tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(await tokenMatches('s3cre', 's3cret')).toBe(false);
    expect(await tokenMatches('', '')).toBe(false);
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
  });
});
