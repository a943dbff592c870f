/**
 * The export date of each data file: its modification time when the site
 * is built (a CRM export carries no date of its own). Dates are the UTC
 * calendar date, so one build reads the same wherever it runs. A copy or a
 * fresh git checkout resets mtimes to that moment; the /data/ page says so.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE } from '../core/ingest/dataset.ts';
import { FILE_KINDS } from '../core/schema/rows.ts';

/** `YYYY-MM-DD` (UTC) of each present data file and the config, by file name. */
export async function exportDates(dir: string): Promise<Map<string, string>> {
  const names = [...FILE_KINDS.map((kind) => `${kind}.csv`), CONFIG_FILE];
  const dates = new Map<string, string>();
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isFile()) dates.set(name, info.mtime.toISOString().slice(0, 10));
  }
  return dates;
}

/** The newest export date among the CSV files (the config is not data), or null when there are none. */
export function newestExport(dates: ReadonlyMap<string, string>): string | null {
  const csv = [...dates].filter(([name]) => name.endsWith('.csv')).map(([, date]) => date);
  return csv.length ? csv.sort()[csv.length - 1] : null;
}
