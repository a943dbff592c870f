/**
 * The upload form, read as a stream (@remix-run/multipart-parser, Web
 * streams: Node and workerd alike) instead of buffering the whole body
 * first. The form sends its token field before the file; when the token is
 * not already in an Authorization header, it is checked the moment its
 * part ends, and a wrong one stops the read there. A file part before any
 * token, or more than PRE_AUTH_BYTES without one, is refused the same way:
 * a client without the token never gets more than that read.
 */
import { getMultipartBoundary, MaxFileSizeExceededError, MaxTotalSizeExceededError, MultipartParseError, parseMultipartStream } from '@remix-run/multipart-parser';
import { checkDeclaredSize, countedBody, tooLarge, UploadError } from './body.ts';

/** Body bytes read at most before the token is known. */
export const PRE_AUTH_BYTES = 64 * 1024;
/** The form's fields: token, kind, exported, file — a few more are tolerated. */
const MAX_PARTS = 16;
/** Text fields kept; others are read and ignored. */
const FIELDS = new Set(['kind', 'exported']);

export interface UploadForm {
  fields: Map<string, string>;
  file: { bytes: Uint8Array; type: string; name: string };
}

export interface FormOptions {
  maxBytes: number;
  /** Counts body bytes against the server's budget (throws 503 past it). */
  hold(bytes: number): void;
  /** Checks the form's token; null when the request was already authorised by its header. Throws 401. */
  verify: ((token: string) => Promise<void>) | null;
}

function tokenMissing(beforeFile: boolean): UploadError {
  return new UploadError(
    401,
    beforeFile
      ? 'an upload token is required before the file: put the form\'s token field before its file field, or send Authorization: Bearer <token>'
      : 'an upload token is required: Authorization: Bearer <token>, or the form\'s token field',
  );
}

/** Reads a multipart/form-data upload; throws UploadError for every way it can be wrong. */
export async function readForm(request: Request, type: string, options: FormOptions): Promise<UploadForm> {
  const boundary = getMultipartBoundary(type);
  if (!boundary) throw new UploadError(400, 'the form could not be read (no multipart boundary)');
  checkDeclaredSize(request, options.maxBytes);
  let verified = options.verify === null;
  const body = countedBody(request, (total, chunk) => {
    if (total > options.maxBytes) throw tooLarge(options.maxBytes);
    // Checked on the bytes before this chunk: one chunk may carry the token part and the file's start.
    if (!verified && total - chunk > PRE_AUTH_BYTES) throw tokenMissing(true);
    options.hold(chunk);
  });
  const fields = new Map<string, string>();
  let file: UploadForm['file'] | null = null;
  try {
    const parts = parseMultipartStream(body, { boundary, maxFileSize: options.maxBytes, maxTotalSize: options.maxBytes, maxParts: MAX_PARTS });
    for await (const part of parts) {
      if (part.name === 'token' && !part.isFile) {
        if (!verified) await options.verify!(textOf(part.content));
        verified = true;
      } else if (part.isFile) {
        if (!verified) throw tokenMissing(true);
        if (part.name !== 'file') continue;
        if (file) throw new UploadError(400, 'the form has two files; send one CSV file per upload');
        file = { bytes: part.bytes, type: part.mediaType ?? '', name: part.filename ?? '' };
      } else if (part.name !== undefined && FIELDS.has(part.name)) fields.set(part.name, textOf(part.content));
    }
  } catch (error) {
    throw formError(error, options.maxBytes);
  } finally {
    await body.cancel().catch(() => {});
  }
  if (!verified) throw tokenMissing(false);
  if (!file) throw new UploadError(400, 'the form has no file: choose a CSV file in the field "file"');
  return { fields, file };
}

/** A field's text; bytes that are not UTF-8 become U+FFFD (a token with them is simply wrong). */
function textOf(content: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return content.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

function formError(error: unknown, maxBytes: number): unknown {
  if (error instanceof UploadError) return error;
  if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError) return tooLarge(maxBytes);
  if (error instanceof MultipartParseError) return new UploadError(400, `the form could not be read (a broken multipart body: ${error.message})`, { shown: 'the form could not be read (a broken multipart body)' });
  // The part headers are decoded as strict UTF-8: a TypeError from the decoder is a broken form too.
  if (error instanceof TypeError) return new UploadError(400, 'the form could not be read (a broken multipart body)');
  return error;
}
