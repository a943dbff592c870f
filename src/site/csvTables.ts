/**
 * CSV downloads of the site's tables, served as static files at
 * `/csv/<filename>` by src/pages/csv/[name].csv.ts.
 *
 * How a page offers a table as CSV (the same for every page):
 *  1. Write a producer `(site) => CsvTable[]` that builds the tables
 *     ({ filename, columns, rows }: raw numbers, not formatted text; see
 *     src/core/export/csv.ts) and add it to CSV_SOURCES below. Every table
 *     of every producer becomes a file at build time.
 *  2. In the page, build the same table (call the same function) and link
 *     it with `<CsvLink table={table} />`, or `csvHref(table)` for the URL.
 * Filenames must be unique across the site and match isCsvFileName().
 */
import { isCsvFileName, type CsvTable } from '../core/export/csvDownload.ts';
import { getSiteData, type SiteData } from './siteData.ts';
import { dataCsvTables } from './dataView.ts';
import { reportCsvTables } from './reportView.ts';
import { kpiCsvTables } from './views/csv.ts';

export type CsvSource = (site: SiteData) => CsvTable[] | Promise<CsvTable[]>;

/** Every producer of downloadable tables; extend this list for new pages. */
export const CSV_SOURCES: CsvSource[] = [reportCsvTables, dataCsvTables, kpiCsvTables];

/** The site path of a table's CSV file; throws on a filename that cannot be a static URL. */
export function csvHref(table: Pick<CsvTable, 'filename'>): string {
  if (!isCsvFileName(table.filename)) throw new Error(`Not a usable CSV file name: "${table.filename}" (letters, digits, ".", "_", "-"; ending in .csv)`);
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}csv/${table.filename}`;
}

/** Every table of every source, checked for unique, valid file names. */
export async function allCsvTables(): Promise<CsvTable[]> {
  const site = await getSiteData();
  const tables = (await Promise.all(CSV_SOURCES.map((source) => source(site)))).flat();
  const seen = new Set<string>();
  for (const table of tables) {
    csvHref(table);
    if (seen.has(table.filename)) throw new Error(`Two CSV tables are both named "${table.filename}"; give one another file name.`);
    seen.add(table.filename);
  }
  return tables;
}
