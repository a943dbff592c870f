/**
 * CSV output for the sample files (RFC 4180 quoting, `\n` line ends). Not
 * Papa.unparse: it is called once per row for a million rows.
 */
import { quoteCsvField } from '../export/csvDownload.ts';

/**
 * One field: quoted when it holds a comma, a double quote, CR or LF (inner
 * quotes doubled); otherwise as is. No spreadsheet-formula neutralising:
 * these are data files, read back by Keepscore, not opened as a download.
 */
export const csvField = (value: string): string => quoteCsvField(value);

/** One row as a CSV line, including its trailing `\n`. */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i]);
  }
  return line + '\n';
}
