/**
 * CSV downloads of the site's tables. Pure text building, RFC 4180 style
 * (comma, CRLF, quotes doubled), hardened against formula injection: a
 * spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in
 * some, tab or carriage return) as a formula, and names of reps, accounts
 * and stages come from CRM exports anyone could type into.
 */

/** One cell: numbers stay numbers (raw, unformatted); null/undefined is an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** A downloadable table: `filename` ends in `.csv` (letters, digits, `.`, `_`, `-`); `columns` is the header row. */
export interface CsvTable {
  filename: string;
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting of one field: quoted when it holds the delimiter, a double quote or a line break (inner quotes doubled). */
export function quoteCsvField(text: string, delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The text of one cell. Text starting with `=`, `+`, `-`, `@`, tab or CR gets
 * a leading `'` so a spreadsheet shows it instead of running it; numbers we
 * computed are written as numbers (so `-5` stays a number), non-finite ones
 * as empty. Quoted when it holds a comma, a quote or a line break.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let text = String(cell);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return quoteCsvField(text);
}

/** Rows of cells -> CSV text, CRLF line ends, a final CRLF; no rows -> "". */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * The file body of a table: a UTF-8 byte order mark (without it Excel reads
 * UTF-8 as the system code page and garbles Cyrillic names), the header, the rows.
 */
export function csvFileText(table: Pick<CsvTable, 'columns' | 'rows'>): string {
  return `\uFEFF${toCsv([table.columns, ...table.rows])}`;
}

/** Whether `name` is a safe CSV file name for a static URL: `[A-Za-z0-9._-]+\.csv`, no leading dot. */
export function isCsvFileName(name: string): boolean {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.csv$/.test(name);
}
