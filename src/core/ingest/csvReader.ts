/**
 * Streams a CSV file through papaparse, one chunk at a time, keeping the
 * physical line number of every row (quoted fields may span lines). Bytes
 * are decoded here, by the one text reader (decode.ts), so every path — the
 * build, `validate`, `kpis`, uploads — reads a file the same way. The
 * delimiter (`,` `;` tab or `|`) is detected from the header line.
 */
import Papa from 'papaparse';
import { EncodingError, StreamDecoder, type EncodingSetting, type EncodingUsed } from './decode.ts';

/** Text already decoded, or a file's bytes: whole, or as a stream of chunks (a Node read stream, a web ReadableStream). */
export type CsvSource = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface CsvHandlers {
  /** The first row, names trimmed and lower-cased, a BOM removed; and the same names as written (for messages). */
  header(names: string[], display: string[]): void;
  /** One data row and the line it starts on. Blank lines are skipped. */
  row(cells: string[], line: number): void;
  /** A row papaparse could not read (e.g. an unclosed quote). */
  malformed(line: number, message: string): void;
}

/** How the file was read. */
export interface CsvRead {
  /** The encoding its bytes were decoded from; null for text handed over as text. */
  encoding: EncodingUsed | null;
  /** The line where Windows-1252 took over from UTF-8 (encoding.by `fallback`), else null. */
  switchedLine: number | null;
  /** Why reading stopped before the end (bytes that are no text of any encoding allowed), else null. */
  unreadable: { line: number; rule: string } | null;
}

/** Normalises a header cell: BOM, surrounding space and case. */
export function headerName(cell: string): string {
  return displayName(cell).toLowerCase();
}

/** A header cell as written, less a BOM and surrounding space. */
export function displayName(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The candidate that splits the header line into the most columns (quoted
 * text ignored); `,` on a tie or a one-column file. papaparse's own guess
 * needs several rows to be sure, and a small upload may have one.
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** The `\n`s in `text`, or in its first `end` units. */
function newlines(text: string, end = text.length): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function cellNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) if (cell.length > 0 && cell.indexOf('\n') >= 0) count += newlines(cell);
  return count;
}

/** papaparse's own chunk parser (what its streamers drive); not in its type definitions. */
interface ParserHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}
const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ParserHandle };

/**
 * Text chunks in, rows out, as papaparse's streamers do it: each chunk is
 * parsed with the unfinished last row held back and prepended to the next.
 */
class ChunkParser {
  private readonly handle = new ParserHandle({ header: false, skipEmptyLines: false, delimiter: detectDelimiter as never });
  private readonly handlers: CsvHandlers;
  private partial = '';
  private base = 0;
  private started = false;
  private sawHeader = false;
  /** The line the held-back text starts on. */
  private line = 1;

  constructor(handlers: CsvHandlers) {
    this.handlers = handlers;
  }

  feed(chunk: string, last: boolean): void {
    const text = this.partial + chunk;
    // Line endings and the delimiter are guessed from the first parse: wait for a whole first line.
    if (!this.started && !last) {
      const end = text.search(/\r|\n/);
      if (end < 0 || end + 1 >= text.length) {
        this.partial = text;
        return;
      }
    }
    this.started = true;
    const results = this.handle.parse(text, this.base, !last);
    const used = results.meta.cursor - this.base;
    this.partial = last ? '' : text.substring(used);
    this.base = results.meta.cursor;
    // Each row ends with one line break (the last row of the file may not): when the parsed text has exactly
    // that many, no cell holds a line break, and rows are on consecutive lines.
    const expected = results.data.length - (last && used > 0 && text[used - 1] !== '\n' ? 1 : 0);
    this.rows(results, results.errors.length === 0 && newlines(text, used) === expected);
  }

  /** The line of the end of `text`, were it to follow what was fed so far. */
  lineAfter(text: string): number {
    return this.line + newlines(this.partial) + newlines(text);
  }

  /** `oneLineEach`: no row spans lines, so their lines need no counting. */
  private rows(results: Papa.ParseResult<string[]>, oneLineEach: boolean): void {
    const rowsWithErrors = new Map<number, string>();
    for (const error of results.errors) {
      if (error.row !== undefined && error.type !== 'Delimiter') rowsWithErrors.set(error.row, error.message);
    }
    const rows = results.data;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i];
      const start = this.line;
      this.line += oneLineEach ? 1 : 1 + cellNewlines(cells);
      const problem = rowsWithErrors.get(i);
      if (problem !== undefined) this.handlers.malformed(start, problem);
      else if (cells.length === 1 && cells[0].trim() === '') continue;
      else if (!this.sawHeader) {
        this.sawHeader = true;
        this.handlers.header(cells.map(headerName), cells.map(displayName));
      } else this.handlers.row(cells, start);
    }
  }
}

/**
 * Bytes decoded and parsed at a time: half a megabyte. Node keeps a decoded
 * text of over ~1 MB outside the JS heap, and every cell sliced from it keeps
 * all of it alive; at half a megabyte peak memory stays where the loader's
 * 1 MB reads of text had it (measured on the bench: about 100 MB less).
 */
export const CHUNK_BYTES = 1 << 19;

function* slices(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** The header row of a CSV source (names lower-cased and trimmed), read from its first chunk; null when it has none or is no text. */
export async function readHeader(source: CsvSource, encoding: EncodingSetting = 'auto'): Promise<string[] | null> {
  let names: string[] | null = null;
  const parser = new ChunkParser({ header: (found) => (names = found), row() {}, malformed() {} });
  if (typeof source === 'string') {
    parser.feed(source.replace(/^\uFEFF/, '').slice(0, CHUNK_BYTES), true);
    return names;
  }
  const decoder = new StreamDecoder(encoding);
  try {
    for await (const chunk of source instanceof Uint8Array ? slices(source) : source) {
      parser.feed(decoder.decode(chunk), false);
      if (names !== null) return names; // leaving the loop closes the stream
    }
    parser.feed(decoder.end(), true);
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
  }
  return names;
}

/**
 * Reads a whole CSV source; resolves when the last row was handled. Never
 * throws on bad input: bytes that are no text stop the reading, and the
 * result says where and why.
 */
export async function readCsv(source: CsvSource, handlers: CsvHandlers, encoding: EncodingSetting = 'auto'): Promise<CsvRead> {
  const parser = new ChunkParser(handlers);
  const read: CsvRead = { encoding: null, switchedLine: null, unreadable: null };
  if (typeof source === 'string') {
    const text = source.replace(/^\uFEFF/, '');
    for (let at = 0; at < text.length; at += CHUNK_BYTES) parser.feed(text.slice(at, at + CHUNK_BYTES), false);
    parser.feed('', true);
    return read;
  }
  const decoder = new StreamDecoder(encoding);
  const take = (text: string) => {
    if (decoder.switchedAt !== null) read.switchedLine = parser.lineAfter(text.slice(0, decoder.switchedAt));
    parser.feed(text, false);
  };
  try {
    for await (const chunk of source instanceof Uint8Array ? slices(source) : source) take(decoder.decode(chunk));
    take(decoder.end());
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    read.unreadable = { line: parser.lineAfter(error.before), rule: error.message };
  }
  read.encoding = decoder.used;
  if (read.unreadable === null) parser.feed('', true);
  return read;
}
