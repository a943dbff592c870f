import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, describeEncoding, EncodingError, firstInvalidUtf8, StreamDecoder, type EncodingSetting } from './decode.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of text made of Latin-1 letters (what Excel writes for Spanish on Windows). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Decodes `data` fed in pieces of `size` bytes, as a stream does. */
function streamed(data: Uint8Array, size: number, setting: EncodingSetting = 'auto') {
  const decoder = new StreamDecoder(setting);
  let text = '';
  let switchedAt: number | null = null;
  for (let at = 0; at < data.length; at += size) {
    const piece = decoder.decode(data.subarray(at, at + size));
    if (decoder.switchedAt !== null) switchedAt = text.length + decoder.switchedAt;
    text += piece;
  }
  const rest = decoder.end();
  if (decoder.switchedAt !== null) switchedAt = text.length + decoder.switchedAt;
  return { text: text + rest, used: decoder.used, switchedAt };
}

describe('decodeBytes', () => {
  it('reads byte order marks and drops them', () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xb3))).toMatchObject({ text: 'aó', used: { encoding: 'utf-8', by: 'bom' } });
    expect(decodeBytes(bytes(0xff, 0xfe, 0x61, 0, 0xf3, 0))).toMatchObject({ text: 'aó', used: { encoding: 'utf-16le', by: 'bom' } });
    expect(decodeBytes(bytes(0xfe, 0xff, 0, 0x61, 0, 0xf3))).toMatchObject({ text: 'aó', used: { encoding: 'utf-16be', by: 'bom' } });
  });

  it('reads valid UTF-8 as UTF-8, and text that is not as Windows-1252 from its first odd byte', () => {
    expect(decodeBytes(utf8('Presentación Propuesta'))).toMatchObject({ text: 'Presentación Propuesta', used: { by: 'valid' } });
    const found = decodeBytes(latin1('Stage\nPresentación Propuesta – €'.replace('–', '\x96').replace('€', '\x80')));
    expect(found.text).toBe('Stage\nPresentación Propuesta – €');
    expect(found.used).toEqual({ encoding: 'windows-1252', by: 'fallback', byte: 0xf3 });
    expect(found.switchedAt).toBe('Stage\nPresentaci'.length);
    expect(describeEncoding(found.used, 2)).toBe('Windows-1252 (not valid UTF-8 from line 2, byte 0xF3)');
  });

  it('never lets a setting override a byte order mark or valid UTF-8; a setting relaxes what is not UTF-8', () => {
    // "Ã³" is valid UTF-8: read as "ó" whatever the setting, so a file stored as UTF-8 reads the same everywhere.
    expect(decodeBytes(latin1('Ã³'), 'windows-1252')).toMatchObject({ text: 'ó', used: { encoding: 'utf-8', by: 'valid' } });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xb3), 'utf-16le').text).toBe('ó');
    // Set to windows-1252: bytes auto refuses (undefined in Windows-1252, UTF-8 before them) are read.
    expect(decodeBytes(bytes(0x61, 0xe9, 0x8d), 'windows-1252')).toMatchObject({ text: 'aé\u008d', used: { encoding: 'windows-1252', by: 'setting', byte: 0xe9 } });
    const mixed = new Uint8Array([...utf8('Sí\n'), ...latin1('Presentación')]);
    expect(decodeBytes(mixed, 'windows-1252')).toMatchObject({ text: 'Sí\nPresentación', switchedAt: 'Sí\nPresentaci'.length });
    expect(describeEncoding(decodeBytes(mixed, 'windows-1252').used, 2)).toBe('Windows-1252 (set in keepscore.config.json; not valid UTF-8 from line 2, byte 0xF3)');
    // UTF-16 without a mark, told by its zero bytes; a file without any is no UTF-16.
    expect(decodeBytes(bytes(0x61, 0, 0xf3, 0), 'utf-16le')).toMatchObject({ text: 'aó', used: { encoding: 'utf-16le', by: 'setting' } });
    expect(decodeBytes(bytes(0, 0x61, 0, 0xf3), 'utf-16be').text).toBe('aó');
    expect(decodeBytes(utf8('a,ó'), 'utf-16le')).toMatchObject({ text: 'a,ó', used: { encoding: 'utf-8', by: 'valid' } });
    expect(() => decodeBytes(latin1('ó'), 'utf-8')).toThrow(/not UTF-8 text \(byte 0xF3\), although keepscore.config.json says it is UTF-8/);
  });

  it('refuses a file that mixes encodings, bytes Windows-1252 leaves undefined, and zero bytes', () => {
    const mixed = new Uint8Array([...utf8('Sí\n'), ...latin1('Presentación')]);
    let error: unknown;
    try {
      decodeBytes(mixed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EncodingError);
    expect((error as EncodingError).message).toMatch(/byte 0xF3\) although the lines before it are UTF-8: the file mixes encodings/);
    expect((error as EncodingError).before).toBe('Sí\nPresentaci');
    expect(() => decodeBytes(bytes(0x61, 0xe9, 0x8d))).toThrow(/not Windows-1252 either \(byte 0x8D\)/);
    expect(() => decodeBytes(bytes(0x61, 0, 0x62, 0))).toThrow(/zero byte: .*UTF-16 text without a byte order mark/);
  });

  it('reads a Windows-1252 file whose only odd byte is its last', () => {
    expect(decodeBytes(latin1('a,b\nx,é'))).toMatchObject({ text: 'a,b\nx,é', used: { encoding: 'windows-1252' } });
  });
});

describe('StreamDecoder', () => {
  it('gives the same text however the stream splits the bytes', () => {
    const samples = [
      utf8('id,stage\n1,Presentación Propuesta\n2,Negociación 💶\n'),
      latin1('id,stage\n1,Presentación Propuesta\n2,Negociación\n'),
      bytes(0xef, 0xbb, 0xbf, ...utf8('a,ü\n')),
      bytes(0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'a,💶\n'].flatMap((c) => [...c].map((u) => u.charCodeAt(0)))).buffer)),
    ];
    for (const data of samples) {
      const whole = decodeBytes(data);
      for (const size of [1, 2, 3, 5, 7, 64]) expect(streamed(data, size)).toEqual(whole);
    }
  });

  it('agrees with TextDecoder on arbitrary UTF-8 text split anywhere', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 9 }), (text, size) => {
        const data = utf8(text.replace(/^\uFEFF/, '').replace(/\0/g, ''));
        expect(streamed(data, size).text).toBe(new TextDecoder().decode(data));
      }),
    );
  });

  it('finds the first invalid byte as TextDecoder judges it', () => {
    for (const seq of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xc3]]) {
      const data = bytes(0x61, ...seq);
      expect(firstInvalidUtf8(data)).toBe(1);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    }
    expect(firstInvalidUtf8(utf8('añ💶'))).toBe(-1);
  });
});
