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
  /** Sent with the answer (Retry-After). */
  readonly headers: Readonly<Record<string, string>>;
  /** What the public status may show: the message without any value from the upload (default: the message has none). */
  readonly shown: string;
  constructor(status: number, message: string, options: { headers?: Record<string, string>; shown?: string } = {}) {
    super(message);
    this.status = status;
    this.headers = options.headers ?? {};
    this.shown = options.shown ?? message;
  }
}

/** A store's fault whose message names no value and no path (`GitHub answered 502 reading deals.csv`): the status may show it. */
export class StoreError extends Error {}

/** 413 before a byte is read when Content-Length already says too much. */
export function checkDeclaredSize(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The body as a stream that counts its bytes as they pass: `count(total)`
 * runs on every chunk and may throw (413, 503) to stop the read; the
 * request's own stream is cancelled then, so the edge discards the rest.
 * Cancelling this stream cancels the request's.
 */
export function countedBody(request: Request, count: (total: number, chunk: number) => void): ReadableStream<Uint8Array> {
  const source = request.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  const reader = source.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        total += value.byteLength;
        count(total, value.byteLength);
        controller.enqueue(value);
      } catch (error) {
        await reader.cancel().catch(() => {});
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason).catch(() => {}),
  });
}

/** Every byte of `stream`, joined. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The whole body's bytes; throws 413 past `maxBytes` (Content-Length first, then bytes counted as they come). */
export async function readLimited(request: Request, maxBytes: number, hold: (bytes: number) => void = () => {}): Promise<Uint8Array> {
  checkDeclaredSize(request, maxBytes);
  return readAll(countedBody(request, (total, chunk) => {
    if (total > maxBytes) throw tooLarge(maxBytes);
    hold(chunk);
  }));
}

export function tooLarge(maxBytes: number): UploadError {
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
