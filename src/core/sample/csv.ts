/**
 * CSV output for the sample files (RFC 4180 quoting, `\n` line ends). Written
 * by hand rather than with Papa.unparse because it is called once per row for
 * a million rows, and the rule is small.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: quoted when it holds a comma, a double quote, CR or LF (inner
 * quotes doubled); otherwise as is. Leading/trailing spaces are kept unquoted,
 * and no spreadsheet-formula neutralising is done (the sample has none).
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One row as a CSV line, including its trailing `\n`. */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i]);
  }
  return line + '\n';
}
