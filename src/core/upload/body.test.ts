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

  it('reads UTF-8 and refuses binary, UTF-16 and Latin-1 with a reason', () => {
    expect(csvText(new TextEncoder().encode('a,b\nü,é\n'))).toBe('a,b\nü,é\n');
    const reason = (b: Uint8Array) => {
      try {
        csvText(b);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(UploadError);
        return (error as UploadError).message;
      }
    };
    expect(reason(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toMatch(/Excel workbook/);
    expect(reason(bytes(0xff, 0xfe, 0x61, 0))).toMatch(/UTF-16/);
    expect(reason(bytes(0x61, 0x00, 0x62))).toMatch(/binary/);
    expect(reason(bytes(0x61, 0x0a, 0x63, 0xe9, 0x2c))).toMatch(/not UTF-8 .*line 2/);
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
