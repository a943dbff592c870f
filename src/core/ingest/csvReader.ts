/**
 * Streams CSV text through papaparse, one chunk of rows at a time, keeping the
 * physical line number of every row (quoted fields may span lines). The
 * delimiter (`,` `;` tab or `|`) is detected from the header line.
 */
import Papa from 'papaparse';

/** Text, or a Node stream of text, as papaparse takes it. */
export type CsvSource = string | NodeJS.ReadableStream;

export interface CsvHandlers {
  /** The first row, names trimmed and lower-cased, a UTF-8 BOM removed; and the same names as written (for messages). */
  header(names: string[], display: string[]): void;
  /** One data row and the line it starts on. Blank lines are skipped. */
  row(cells: string[], line: number): void;
  /** A row papaparse could not read (e.g. an unclosed quote). */
  malformed(line: number, message: string): void;
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

function newlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.length > 0 && cell.indexOf('\n') >= 0) count += cell.split('\n').length - 1;
  }
  return count;
}

/** Reads a whole CSV source; resolves when the last row was handled. Never throws on bad input. */
export function readCsv(source: CsvSource, handlers: CsvHandlers): Promise<void> {
  let line = 1;
  let sawHeader = false;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source as never, {
      header: false,
      skipEmptyLines: false,
      delimiter: detectDelimiter,
      chunk(results) {
        const rowsWithErrors = new Map<number, string>();
        for (const error of results.errors) {
          if (error.row !== undefined && error.type !== 'Delimiter') rowsWithErrors.set(error.row, error.message);
        }
        const rows = results.data;
        for (let i = 0; i < rows.length; i++) {
          const cells = rows[i];
          const start = line;
          line += 1 + newlines(cells);
          const problem = rowsWithErrors.get(i);
          if (problem !== undefined) handlers.malformed(start, problem);
          else if (cells.length === 1 && cells[0].trim() === '') continue;
          else if (!sawHeader) {
            sawHeader = true;
            handlers.header(cells.map(headerName), cells.map(displayName));
          } else handlers.row(cells, start);
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
}
