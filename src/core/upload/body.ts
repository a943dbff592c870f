/**
 * Reads an upload's body within the size limit and turns it into CSV text.
 * The limit is checked twice: against Content-Length before reading, and by
 * counting bytes while reading (a client may lie or send chunked). Text is
 * decoded by the loader's one text reader (UTF-8, UTF-16 with a byte order
 * mark, Windows-1252); whatever is not text — a spreadsheet, an image,
 * binary data — is refused with a message that says what to do instead.
 */
import { decodeBytes, EncodingError } from '../ingest/decode.ts';

export class UploadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The body's bytes; throws 413 past `maxBytes`. */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): UploadError {
  return new UploadError(413, `the upload is larger than the limit of ${formatBytes(maxBytes)}`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) return `${Math.round((bytes / (1 << 20)) * 10) / 10} MB`;
  if (bytes >= 1 << 10) return `${Math.round(bytes / (1 << 10))} KB`;
  return `${bytes} bytes`;
}

/** Media types a CSV arrives with (browsers on Windows say vnd.ms-excel for .csv). */
const CSV_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/tab-separated-values']);

/** True when a declared media type may hold CSV; an absent or generic type is judged by the content. */
export function csvMediaType(type: string | null, allowGeneric: boolean): boolean {
  const base = (type ?? '').split(';')[0].trim().toLowerCase();
  if (base === '' || base === 'application/octet-stream') return allowGeneric;
  return CSV_TYPES.has(base);
}

const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP or Excel workbook (.xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/**
 * The bytes as text, decoded as the loader decodes a file (ingest/decode.ts);
 * throws 415 for a workbook, PDF, image or archive, and for bytes that are no
 * text. Stored as UTF-8, the text reads the same whatever `encoding` the
 * config sets, since no setting overrides valid UTF-8.
 */
export function csvText(bytes: Uint8Array): string {
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new UploadError(415, `this is ${what}, not a CSV file; export or save it as CSV (UTF-8)`);
  }
  try {
    return decodeBytes(bytes).text;
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    const line = error.before.split('\n').length;
    throw new UploadError(415, `this file cannot be read as CSV text: ${error.message} (line ${line}); save it as CSV UTF-8`);
  }
}
