/**
 * Validates one CSV file row by row against its zod schema, collecting every
 * problem (file, line, column, value, rule) and the rows that passed: as row
 * objects (deals, quotas, customers, teams), or into columns (activities,
 * stage history: tables.ts). Duplicate ids are checked as the rows stream
 * by; references to deals after the file (references.ts), so a file can be
 * read before its deals, on another thread.
 *
 * A canonical header takes the lean path: one cell read per column. Any other
 * header (a CRM export, a file named in the config's `sources`) goes through
 * a row plan built once from the header (mapping.ts), and gets an import report.
 */
import type { z } from 'zod';
import type { Config } from '../schema/config.ts';
import { CLOSE_DATE_COLUMNS, DERIVED_COLUMNS, REQUIRED_COLUMNS, TEAM_COLUMNS } from '../schema/rows.ts';
import type { ImportKind, SourceSpec } from '../schema/sources.ts';
import { columnCheck, Invalid } from './cellCheck.ts';
import { readCsv, type CsvRead, type CsvSource } from './csvReader.ts';
import type { Currencies } from './currency.ts';
import { describeEncoding } from './decode.ts';
import { repeatedHeaderNotes, repeatedHeaders, type RepeatedHeader } from './headers.ts';
import { ImportReportBuilder, type ImportReport } from './importReport.ts';
import { planFor } from './importPlan.ts';
import type { RowPlan } from './mapping.ts';
import type { LostIds } from './lostIds.ts';
import { ProblemLog } from './problems.ts';
import { stageEntriesOf } from './stageDates.ts';
import type { Encoder, ScannedTable, TableBuilder } from './tables.ts';
import { UniqueIds } from './uniqueIds.ts';

export interface FileChecks {
  /** Column whose value must be unique in the file. */
  uniqueColumn?: string;
  /** Ids already seen in earlier files of the same kind (two activity exports), shared so repeats across them are caught. */
  seenIds?: UniqueIds;
  /** Collects the ids of this file's rejected rows (and whether some went unread), for the files that refer to it (references.ts). */
  lost?: { ids: LostIds; column: string };
  /** Deals: converts amounts to the config's currency and counts the currencies, across the files of the kind. */
  currencies?: Currencies;
}

/** How to read the file: the config, its source, and where the import report goes. */
export interface Importing {
  config: Config;
  /** The config's source for this file; null for a canonical file name (a preset is tried when its header is not canonical). */
  spec: SourceSpec | null;
  /** Deals: stage history rows found in a deals export (HubSpot's `Date entered` columns) are added here, their deals by id. */
  stageEntries?: TableBuilder;
  /** Receives the import report when the file was read as an export. */
  onReport(report: ImportReport): void;
}

/** A file read: its problems in line order, and its import report still open for what is checked after the file. */
export interface FileScan {
  problems: ProblemLog;
  /** The row plan of an export (a later check reports the rows it leaves out there), or null for a canonical file. */
  plan: RowPlan | null;
  /** The rows kept so far. */
  kept: number;
  /** Sends the import report, if the file has one, with `dropped` rows left out after the file. */
  report(dropped: number): void;
}

/**
 * A function that builds a row object from its values in key order, as one
 * object literal: V8 gives every row the same shape at once, instead of
 * growing each object key by key (measured ~3x faster on a million rows).
 */
function rowFactory(keys: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: v[${i}]`).join(', ');
  try {
    return new Function('v', `return { ${fields} };`) as (values: readonly unknown[]) => Record<string, unknown>;
  } catch {
    // workerd (the upload Function) forbids code from strings: build the row key by key there.
    return (values) => Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  }
}

/** What a canonical file says in a report: only when there is something to tell (an encoding, currencies, a repeated header). */
function canonicalReport(kind: ImportKind, fileName: string, read: CsvRead, repeats: readonly RepeatedHeader[], checks: FileChecks): ImportReportBuilder | null {
  const decoded = read.encoding !== null && (read.encoding.encoding !== 'utf-8' || read.encoding.by === 'setting');
  if (!decoded && repeats.length === 0 && !checks.currencies?.foreignIn(fileName)) return null;
  return new ImportReportBuilder({ file: fileName, kind, preset: null, shape: null, detected: false, mapping: false, canonical: true, strict: true, columns: {} });
}

/** Where a file's valid rows go: row objects, or a table's columns. */
interface Sink {
  /** How column k keeps a checked value (a row object keeps it as it is). */
  encoder(k: number): Encoder;
  push(values: readonly unknown[], line: number): void;
}

/** Reads one file: header, rows, problems, and the import report at the end. */
class FileReader {
  readonly problems = new ProblemLog();
  plan: RowPlan | null = null;
  read = 0;
  kept = 0;
  columnIndex: number[] = [];
  repeats: RepeatedHeader[] = [];
  usable = false;
  private readonly kind: ImportKind;
  private readonly fileName: string;
  private readonly keys: readonly string[];
  private readonly checks: FileChecks;
  private readonly importing: Importing;
  private readonly sink: Sink;
  private readonly cellChecks: ((cell: string) => unknown)[];
  private readonly values: unknown[];
  private readonly raw: string[];
  private readonly unique: number;
  private readonly required: readonly string[];
  private readonly seenIds: UniqueIds;

  constructor(kind: ImportKind, fileName: string, keys: readonly string[], schema: z.ZodObject, checks: FileChecks, importing: Importing, sink: Sink) {
    this.kind = kind;
    this.fileName = fileName;
    this.keys = keys;
    this.checks = checks;
    this.importing = importing;
    this.sink = sink;
    this.cellChecks = keys.map((key, k) => {
      const { encode, remember } = sink.encoder(k);
      return columnCheck(schema.shape[key] as z.ZodType, encode, remember);
    });
    this.values = new Array(keys.length);
    this.raw = new Array(keys.length);
    this.unique = checks.uniqueColumn === undefined ? -1 : keys.indexOf(checks.uniqueColumn);
    this.required = kind === 'teams' ? TEAM_COLUMNS : kind === 'close_dates' ? CLOSE_DATE_COLUMNS : REQUIRED_COLUMNS[kind];
    this.seenIds = checks.seenIds ?? new UniqueIds();
  }

  header(names: string[], display: string[]): void {
    const derived = DERIVED_COLUMNS[this.kind] ?? {};
    this.repeats = repeatedHeaders(names, display);
    this.columnIndex = this.keys.map((key) => names.indexOf(derived[key] ?? key));
    const missing = this.required.filter((key) => !names.includes(key));
    if (missing.length === 0 && this.importing.spec === null) {
      this.usable = true;
      return;
    }
    const { kind, fileName, keys, required, importing } = this;
    const found = planFor({ kind, fileName, keys, required, names, display, missing, config: importing.config, spec: importing.spec });
    if ('problems' in found) for (const p of found.problems) this.problems.add(p);
    else this.plan = found.plan;
    this.usable = this.plan !== null;
  }

  row(cells: string[], line: number): void {
    if (!this.usable) return;
    this.read++;
    if (this.plan !== null) return this.importRow(this.plan, cells, line);
    const { raw, columnIndex } = this;
    for (let k = 0; k < raw.length; k++) raw[k] = columnIndex[k] >= 0 ? (cells[columnIndex[k]] ?? '') : '';
    this.validRow(raw, line);
  }

  /** Checks the canonical strings of a row (one per key); true when every field is valid and its id is new, and the row was kept. */
  private validRow(strings: readonly string[], line: number): boolean {
    const { values, keys } = this;
    let valid = true;
    for (let k = 0; k < keys.length; k++) {
      const value = this.cellChecks[k](strings[k]);
      if (!(value instanceof Invalid)) values[k] = value;
      else {
        valid = false;
        for (const rule of value.messages) this.problems.add({ file: this.fileName, line, column: keys[k], value: strings[k], rule });
      }
    }
    if (!valid) {
      const { lost } = this.checks;
      if (lost) lost.ids.rejected(strings[keys.indexOf(lost.column)] ?? '', this.fileName);
      return false;
    }
    if (this.unique >= 0) {
      const id = values[this.unique] as string;
      const first = this.seenIds.firstLineOf(id, line);
      if (first !== undefined) {
        this.problems.add({ file: this.fileName, line, column: keys[this.unique], value: id, rule: `duplicate id; first seen on line ${first}` });
        return false;
      }
    }
    this.sink.push(values, line);
    this.kept++;
    return true;
  }

  /** One row of an export: the plan gives the canonical strings, then the same checks as a canonical row. */
  private importRow(plan: RowPlan, cells: string[], line: number): void {
    const skipped = plan.extract(cells, line, this.raw);
    if (skipped !== null) {
      plan.report.skip(skipped, line);
      return;
    }
    if (!this.validRow(this.raw, line)) return;
    const changed = plan.changed();
    if (changed !== null) plan.report.change(changed, line);
    const { stageEntries, config } = this.importing;
    if (plan.stageDates.length > 0 && stageEntries !== undefined) {
      const id = this.values[this.keys.indexOf('id')] as string;
      stageEntriesOf(id, cells, line, plan.stageDates, config, this.fileName, stageEntries, (p) => this.problems.add(p));
    }
  }

  /** Some rows (or all) went unread: any id the file should define may be among them. */
  rowsUnread(): void {
    this.checks.lost?.ids.unknown(this.fileName);
  }

  /** The import report, when the file has one: an export's, or a canonical file's with something to tell. */
  report(read: CsvRead, dropped: number): void {
    const { plan, keys, columnIndex } = this;
    const builder = plan !== null ? plan.report : this.usable ? canonicalReport(this.kind, this.fileName, read, this.repeats, this.checks) : null;
    if (builder === null) return;
    Object.assign(builder.report, { rowsRead: this.read, rowsKept: this.kept - dropped });
    builder.report.encoding = read.encoding === null ? null : describeEncoding(read.encoding, read.switchedLine ?? undefined);
    if (this.checks.currencies) builder.report.currency = this.checks.currencies.summary(this.fileName);
    if (plan === null) for (const note of repeatedHeaderNotes(this.repeats, (c) => keys.filter((_, k) => columnIndex[k] === c))) builder.note(note);
    this.importing.onReport(plan !== null ? plan.finish() : builder.finish());
  }
}

/** Streams the file through a reader; the file-wide problems (no text, no header) close its log. */
async function scan(reader: FileReader, fileName: string, source: CsvSource, importing: Importing): Promise<FileScan> {
  const read = await readCsv(source, {
    header: (names, display) => reader.header(names, display),
    malformed(line, message) {
      reader.problems.add({ file: fileName, line, column: '', value: '', rule: `unreadable row (${message})` });
      reader.rowsUnread();
    },
    row: (cells, line) => reader.row(cells, line),
  }, importing.spec?.encoding ?? importing.config.encoding);
  if (read.unreadable !== null) reader.problems.add({ file: fileName, line: read.unreadable.line, column: '', value: '', rule: read.unreadable.rule });
  else if (reader.columnIndex.length === 0) reader.problems.add({ file: fileName, line: 0, column: '', value: '', rule: 'empty file: no header row' });
  if (read.unreadable !== null || !reader.usable) reader.rowsUnread();
  return { problems: reader.problems, plan: reader.plan, kept: reader.kept, report: (dropped) => reader.report(read, dropped) };
}

/** Reads, validates and returns the valid rows of one file as objects; problems go to `log`, its import report to `importing.onReport`. */
export async function ingestFile<S extends z.ZodObject>(
  kind: ImportKind,
  fileName: string,
  source: CsvSource,
  schema: S,
  log: ProblemLog,
  checks: FileChecks,
  importing: Importing,
): Promise<z.output<S>[]> {
  const keys = Object.keys(schema.shape);
  const makeRow = rowFactory(keys);
  const rows: z.output<S>[] = [];
  const sink: Sink = {
    encoder: () => ({ encode: (value) => value, remember: 'probe' }),
    push(values, line) {
      const row = makeRow(values);
      checks.currencies?.take(row as { amount: number; currency?: string }, fileName, line);
      rows.push(row as z.output<S>);
    },
  };
  const scanned = await scan(new FileReader(kind, fileName, keys, schema, checks, importing, sink), fileName, source, importing);
  log.addByLine(scanned.problems);
  scanned.report(0);
  return rows;
}

/** Reads and validates one file into `table`'s columns; its deal links are checked, and its report sent, by the caller (references.ts). */
export async function scanTable(
  kind: ImportKind,
  fileName: string,
  source: CsvSource,
  schema: z.ZodObject,
  checks: FileChecks,
  importing: Importing,
  table: TableBuilder,
): Promise<FileScan & { table: ScannedTable }> {
  const scanned = await scan(new FileReader(kind, fileName, table.keys, schema, checks, importing, table), fileName, source, importing);
  return { ...scanned, table: table.finish() };
}
