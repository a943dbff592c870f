/**
 * The one text reader of every data file: bytes in (a whole file or the
 * chunks of a stream), text out. The rule, in order:
 *
 * 1. A byte order mark decides: UTF-8 (EF BB BF), UTF-16LE (FF FE) or
 *    UTF-16BE (FE FF); the mark itself is dropped.
 * 2. Valid UTF-8 is read as UTF-8, whatever the settings say: the bytes are
 *    read as UTF-8 while they are valid. At the first byte that is not, when
 *    everything before it was plain ASCII — the same bytes in both encodings
 *    — the file is Windows-1252 and reading simply goes on in Windows-1252
 *    from that byte, with nothing read twice. When UTF-8 text came before
 *    it, the file mixes encodings: an error, since either reading would
 *    garble part of it. Windows-1252 must look like text: a byte it leaves
 *    undefined (81 8D 8F 90 9D) or a control character other than tab, CR
 *    and LF is an error. A zero byte in the first chunk is an error too
 *    (binary data, or UTF-16 without a mark).
 * 3. An `encoding` setting (the source's, else the config's) changes what
 *    step 2 does with text that is not valid UTF-8: `windows-1252` reads it
 *    as Windows-1252 from its first odd byte without those two refusals;
 *    `utf-16le` / `utf-16be` read a file whose first chunk has a zero byte
 *    (as every UTF-16 CSV has) as UTF-16; `utf-8` refuses anything else.
 *    Since no setting overrides valid UTF-8, a file stored as UTF-8 (an
 *    upload) reads the same under every setting.
 *
 * Multi-byte sequences split across chunks are carried to the next chunk.
 * Pure and portable: TextDecoder for UTF-8 and UTF-16LE, tables for the rest.
 */

export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** A setting: one encoding, or `auto` (the rule above). */
export type EncodingSetting = Encoding | 'auto';

/** Spellings a user may write, WHATWG labels among them (latin1 is Windows-1252 there too). */
export const ENCODING_LABELS: Readonly<Record<string, EncodingSetting>> = {
  auto: 'auto',
  'utf-8': 'utf-8', utf8: 'utf-8',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16be': 'utf-16be',
};

const NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/** What a file was read as, and why. */
export interface EncodingUsed {
  encoding: Encoding;
  /** `bom`: its byte order mark; `setting`: the config; `valid`: valid UTF-8; `fallback`: not UTF-8 from some byte on (also with `setting`: `byte`). */
  by: 'bom' | 'setting' | 'valid' | 'fallback';
  /** The first byte that was not UTF-8 (fallback only), e.g. 0xF3. */
  byte?: number;
}

/** `Windows-1252 (not valid UTF-8 from line 40, byte 0xF3)`, for reports. */
export function describeEncoding(used: EncodingUsed, line?: number): string {
  const name = NAMES[used.encoding];
  switch (used.by) {
    case 'bom': return `${name} (byte order mark)`;
    case 'setting': return used.byte === undefined ? `${name} (set in keepscore.config.json)` : `${name} (set in keepscore.config.json; not valid UTF-8 from ${line === undefined ? '' : `line ${line}, `}byte ${hex(used.byte)})`;
    case 'valid': return name;
    case 'fallback': return `${name} (not valid UTF-8 from ${line === undefined ? '' : `line ${line}, `}byte ${hex(used.byte!)})`;
  }
}

export function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Text that cannot be read as told. `before` is the text of the failing chunk up to the bad byte, for its line. */
export class EncodingError extends Error {
  readonly before: string;
  constructor(message: string, before: string) {
    super(message);
    this.before = before;
  }
}

/** Windows-1252's 0x80..0x9F (WHATWG's table); the other bytes are Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Index of the first byte that is not text Windows-1252 defines (a C0 control other than tab, LF, CR; 81 8D 8F 90 9D), or -1. */
function firstNonText(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || UNDEFINED_1252.has(b)) return i;
  }
  return -1;
}

function decode1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
  }
  let text = '';
  // fromCharCode takes its arguments on the stack: 32K at a time is safe everywhere.
  for (let i = 0; i < codes.length; i += 0x8000) text += String.fromCharCode(...codes.subarray(i, i + 0x8000));
  return text;
}

/** Length of the bytes of a UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one. */
function sequenceLength(b: number): number {
  return b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
}

/** Where a trailing, still incomplete UTF-8 sequence starts (to be completed by the next chunk); `bytes.length` when none. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = sequenceLength(b);
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Index of the first byte that breaks UTF-8 (a lead byte without its continuation bytes, an overlong or surrogate form); -1 when valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = sequenceLength(b);
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const loose = new TextDecoder('utf-8');

/**
 * Decodes one file chunk by chunk. `decode` returns the text of each chunk
 * (it may hold back the bytes of a sequence the next chunk completes), `end`
 * the rest; both throw EncodingError. After a switch to Windows-1252,
 * `switchedAt` is where it began in the text the last `decode` returned.
 */
export class StreamDecoder {
  private readonly setting: EncodingSetting;
  private mode: 'start' | 'auto' | Encoding = 'start';
  private head: Uint8Array = new Uint8Array(0);
  private pending: Uint8Array = new Uint8Array(0);
  private ascii = true;
  private checked = false;
  private utf16: TextDecoder | null = null;
  private result: EncodingUsed = { encoding: 'utf-8', by: 'valid' };
  /** `windows-1252` set: text that is not UTF-8 is read as Windows-1252 without the refusals of `auto`. */
  private readonly lenient: boolean;
  switchedAt: number | null = null;

  constructor(setting: EncodingSetting = 'auto') {
    this.setting = setting;
    this.lenient = setting === 'windows-1252';
  }

  get used(): EncodingUsed {
    return this.result;
  }

  decode(chunk: Uint8Array): string {
    this.switchedAt = null;
    if (this.mode === 'start') {
      // A byte order mark needs the first three bytes, however the stream splits them.
      this.head = concat(this.head, chunk);
      if (this.head.length < 3) return '';
      chunk = this.start(this.head);
      this.head = new Uint8Array(0);
    }
    return this.next(chunk);
  }

  end(): string {
    this.switchedAt = null;
    let text = '';
    if (this.mode === 'start') text = this.next(this.start(this.head));
    if (this.utf16 !== null) return text + this.utf16.decode();
    if (this.pending.length === 0) return text;
    // A sequence the file never completed.
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    if (this.mode === 'utf-8') return text + this.strict(rest);
    return text + this.fallback(rest, 0);
  }

  /** Reads the byte order mark and picks the mode; returns the bytes after the mark. */
  private start(head: Uint8Array): Uint8Array {
    const [a, b, c] = head;
    let bom: Encoding | null = null;
    if (a === 0xef && b === 0xbb && c === 0xbf) bom = 'utf-8';
    else if (a === 0xff && b === 0xfe) bom = 'utf-16le';
    else if (a === 0xfe && b === 0xff) bom = 'utf-16be';
    if (bom !== null) {
      this.use(bom, 'bom');
      return head.subarray(bom === 'utf-8' ? 3 : 2);
    }
    const utf16 = this.setting === 'utf-16le' || this.setting === 'utf-16be';
    if (this.setting === 'utf-8' || (utf16 && head.indexOf(0) >= 0)) this.use(this.setting, 'setting');
    else this.mode = 'auto';
    return head;
  }

  private use(encoding: Encoding, by: EncodingUsed['by']): void {
    this.mode = encoding;
    this.result = { encoding, by };
    if (encoding === 'utf-16le' || encoding === 'utf-16be') this.utf16 = new TextDecoder('utf-16le');
  }

  private next(chunk: Uint8Array): string {
    if (this.mode === 'auto' && !this.lenient && !this.checked) {
      this.checked = true;
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        throw new EncodingError('a zero byte: this is binary data, or UTF-16 text without a byte order mark (then set "encoding": "utf-16le" on its source)', loose.decode(chunk.subarray(0, nul)));
      }
    }
    switch (this.mode) {
      case 'windows-1252': return this.windows1252(chunk);
      case 'utf-16le': return this.utf16!.decode(chunk, { stream: true });
      case 'utf-16be': return this.utf16!.decode(this.swapped(chunk), { stream: true });
      default: return this.utf8(chunk);
    }
  }

  /** UTF-8 (auto or set): whole sequences now, an incomplete tail with the next chunk. */
  private utf8(chunk: Uint8Array): string {
    const bytes = concat(this.pending, chunk);
    const complete = completeLength(bytes);
    this.pending = bytes.slice(complete);
    const body = bytes.subarray(0, complete);
    if (this.mode === 'utf-8') return this.strict(body);
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      this.pending = new Uint8Array(0);
      return this.fallback(bytes, Math.max(0, firstInvalidUtf8(body)));
    }
    // UTF-8 decodes to as many characters as bytes only when every byte is ASCII.
    if (this.ascii && text.length !== body.length) this.ascii = false;
    return text;
  }

  private strict(body: Uint8Array): string {
    try {
      return utf8.decode(body);
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(body));
      const why = this.result.by === 'bom' ? 'it starts with a UTF-8 byte order mark' : 'keepscore.config.json says it is UTF-8';
      throw new EncodingError(`not UTF-8 text (byte ${hex(body[bad])}), although ${why}`, loose.decode(body.subarray(0, bad)));
    }
  }

  /** The first byte that is not UTF-8 is `bytes[bad]`: go on in Windows-1252 when only ASCII came before it. */
  private fallback(bytes: Uint8Array, bad: number): string {
    const before = bytes.subarray(0, bad);
    const ascii = this.ascii && !before.some((b) => b >= 0x80);
    if (!ascii && !this.lenient) {
      throw new EncodingError(
        `not UTF-8 text (byte ${hex(bytes[bad])}) although the lines before it are UTF-8: the file mixes encodings; save it as UTF-8, or set "encoding" on its source in keepscore.config.json`,
        loose.decode(before),
      );
    }
    this.mode = 'windows-1252';
    this.result = { encoding: 'windows-1252', by: this.lenient ? 'setting' : 'fallback', byte: bytes[bad] };
    if (ascii) {
      this.switchedAt = before.length;
      return this.windows1252(bytes);
    }
    // UTF-8 text before the switch (possible only when set) was read as UTF-8; only the rest is Windows-1252.
    const prefix = loose.decode(before);
    this.switchedAt = prefix.length;
    return prefix + this.windows1252(bytes.subarray(bad));
  }

  private windows1252(chunk: Uint8Array): string {
    if (this.result.by === 'fallback') {
      const odd = firstNonText(chunk);
      if (odd >= 0) {
        throw new EncodingError(
          `not UTF-8 text, and not Windows-1252 either (byte ${hex(chunk[odd])}); save it as UTF-8, or set "encoding" on its source in keepscore.config.json`,
          decode1252(chunk.subarray(0, odd)),
        );
      }
    }
    return decode1252(chunk);
  }

  /** UTF-16BE as UTF-16LE: swap each byte pair, carrying an odd last byte. */
  private swapped(chunk: Uint8Array): Uint8Array {
    const bytes = concat(this.pending, chunk);
    const even = bytes.length & ~1;
    const out = new Uint8Array(even);
    for (let i = 0; i < even; i += 2) [out[i], out[i + 1]] = [bytes[i + 1], bytes[i]];
    this.pending = bytes.slice(even);
    return out;
  }
}

/** A whole file's bytes as text (the config, an upload), by the same rule; an EncodingError's `before` is the text up to the bad byte. */
export function decodeBytes(bytes: Uint8Array, setting: EncodingSetting = 'auto'): { text: string; used: EncodingUsed; switchedAt: number | null } {
  const decoder = new StreamDecoder(setting);
  const text = decoder.decode(bytes);
  let switchedAt = decoder.switchedAt;
  let rest: string;
  try {
    rest = decoder.end();
  } catch (error) {
    // `before` counts from the start of the file, as for the first chunk.
    throw error instanceof EncodingError ? new EncodingError(error.message, text + error.before) : error;
  }
  if (decoder.switchedAt !== null) switchedAt = text.length + decoder.switchedAt;
  return { text: text + rest, used: decoder.used, switchedAt };
}
