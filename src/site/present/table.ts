/**
 * The one table type: what a page shows and, from the same rows, its CSV
 * download (raw numbers instead of formatted text). A page's tables are its
 * downloads: the `/csv/` route writes the file of every table found in the
 * site's pages (`tablesIn`), so no list of tables is kept by hand and every
 * download link on a page resolves.
 */
import { isCsvFileName, type CsvTable } from '../../core/export/csvDownload.ts';
import type { Cell, Words } from './cell.ts';

export interface Column {
  label: string;
  /** The column's name in the CSV file when it is not the label (report tables name metrics by path). */
  csv?: string;
}

export interface Row {
  head: Cell;
  cells: Cell[];
  leak?: boolean;
  /** A class of the table row (`scope`, `missing`). */
  class?: string;
  /** `data-` attributes of the row, without the prefix: `{ metric: 'winRate.rate' }`. */
  data?: Record<string, string>;
  /** The title of the row's group (a table grouped by KPI); consecutive rows of one group share a <tbody>. */
  group?: string;
}

export interface Table {
  kind: 'table';
  /** The stem of the CSV file (`activity-side` -> /csv/activity-side.csv); unique on the site. */
  id: string;
  caption: string;
  /** Column titles; the first names the row-header column. */
  columns: Column[];
  rows: Row[];
  /** The class of the <table>: `data` unless the page styles it as its own (`metrics`, `scorecard`, `files`…). */
  style: string;
  /** The download link: its URL, file name and words; null for a table offered on its page only (the deal lists). */
  csv: Download | null;
}

export interface Download {
  href: string;
  filename: string;
  text: string;
}

/** A table with its download. */
export type Downloadable = Table & { csv: Download };

export type TableSpec = Omit<Table, 'kind' | 'csv' | 'style' | 'columns'> & { style?: string; columns: (Column | string)[] };

/** A table with its download (unless `download` is false); throws on an id that cannot be a static file name. */
export function table(spec: TableSpec, w: Words, download: false): Table;
export function table(spec: TableSpec, w: Words): Downloadable;
export function table(spec: TableSpec, w: Words, download = true): Table {
  const filename = `${spec.id}.csv`;
  if (!isCsvFileName(filename)) throw new Error(`Not a usable CSV file name: "${filename}" (letters, digits, ".", "_", "-")`);
  const columns = spec.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const csv = download ? { href: w.urls.csv(spec.id), filename, text: w.l['table.download'] } : null;
  return { ...spec, kind: 'table', columns, style: spec.style ?? 'data', csv };
}

/** The table as a CSV file: the header row from its columns, each cell's raw value (its text when it has none). */
export function csvOf(t: Table): CsvTable {
  const value = (cell: Cell) => (cell.raw === undefined ? cell.text : cell.raw);
  return {
    filename: `${t.id}.csv`,
    columns: t.columns.map((c) => c.csv ?? c.label),
    rows: t.rows.map((row) => [value(row.head), ...row.cells.map(value)]),
  };
}

/** The rows of a table by group, in order: one <tbody> each (a table without groups has one, titled null). */
export function rowGroups(t: Table): { title: string | null; rows: Row[] }[] {
  const groups: { title: string | null; rows: Row[] }[] = [];
  for (const row of t.rows) {
    const title = row.group ?? null;
    if (groups.length === 0 || groups[groups.length - 1].title !== title) groups.push({ title, rows: [] });
    groups[groups.length - 1].rows.push(row);
  }
  return groups.length ? groups : [{ title: null, rows: [] }];
}

/** Every table held anywhere in `view` (a page's view, or all of them), in order; a table's own rows are not searched. */
export function tablesIn(view: unknown, found: Table[] = []): Table[] {
  if (Array.isArray(view)) for (const item of view) tablesIn(item, found);
  else if (isTable(view)) found.push(view);
  else if (view !== null && typeof view === 'object' && Object.getPrototypeOf(view) === Object.prototype) {
    for (const value of Object.values(view)) tablesIn(value, found);
  }
  return found;
}

function isTable(value: unknown): value is Table {
  return value !== null && typeof value === 'object' && (value as Table).kind === 'table';
}

/** The tables of every page that have a download, each once, checked for file names unique on the site. */
export function downloads(pages: unknown): Downloadable[] {
  const byName = new Map<string, Downloadable>();
  for (const t of tablesIn(pages)) {
    if (!hasDownload(t)) continue;
    const seen = byName.get(t.csv.filename);
    if (seen && seen !== t) throw new Error(`Two tables are both named "${t.csv.filename}" (${seen.caption}; ${t.caption}); give one another id.`);
    byName.set(t.csv.filename, t);
  }
  return [...byName.values()];
}

function hasDownload(t: Table): t is Downloadable {
  return t.csv !== null;
}
