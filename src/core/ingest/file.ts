/**
 * Validates one CSV file row by row against its zod schema, collecting every
 * problem (file, line, column, value, rule) and the rows that passed.
 * Cross-row rules (duplicate ids, references to missing deals) are checked
 * here too, as the rows stream by.
 *
 * A canonical header takes the lean path: one cell read per column. Any other
 * header (a CRM export, a file named in the config's `sources`) goes through
 * a row plan built once from the header (mapping.ts), and gets an import report.
 */
import type { z } from 'zod';
import type { Config } from '../schema/config.ts';
import { CLOSE_DATE_COLUMNS, DERIVED_COLUMNS, REQUIRED_COLUMNS, TEAM_COLUMNS, type StageEntry } from '../schema/rows.ts';
import type { ImportKind, SourceSpec } from '../schema/sources.ts';
import { readCsv, type CsvRead, type CsvSource } from './csvReader.ts';
import type { Currencies } from './currency.ts';
import { describeEncoding } from './decode.ts';
import { repeatedHeaderNotes, repeatedHeaders, type RepeatedHeader } from './headers.ts';
import { ImportReportBuilder, type ImportReport } from './importReport.ts';
import { planFor } from './importPlan.ts';
import type { RowPlan } from './mapping.ts';
import type { LostIds } from './lostIds.ts';
import type { ProblemLog } from './problems.ts';
import { stageEntriesOf } from './stageDates.ts';
import { UniqueIds } from './uniqueIds.ts';

export interface FileChecks {
  /** Column whose value must be unique in the file. */
  uniqueColumn?: string;
  /** Ids already seen in earlier files of the same kind (two activity exports), shared so repeats across them are caught. */
  seenIds?: UniqueIds;
  /**
   * Column whose non-empty value must be an id in this set, and what that set
   * holds; `lost`: the ids the referenced file failed to define, so a
   * reference to one of them is a knock-on problem.
   */
  reference?: { column: string; ids: ReadonlySet<string>; what: string; lost?: LostIds };
  /** Collects the ids of this file's rejected rows (and whether some went unread), for the files that refer to it. */
  lost?: { ids: LostIds; column: string };
  /** Deals: converts amounts to the config's currency and counts the currencies, across the files of the kind. */
  currencies?: Currencies;
}

/** How to read the file: the config, its source, and where the import report goes. */
export interface Importing {
  config: Config;
  /** The config's source for this file; null for a canonical file name (a preset is tried when its header is not canonical). */
  spec: SourceSpec | null;
  /** Stage history rows found in a deals export (HubSpot's `Date entered` columns) are added here. */
  stageEntries: StageEntry[];
  /** Receives the import report when the file was read as an export. */
  onReport(report: ImportReport): void;
}

/**
 * A field schema whose results are remembered per distinct cell text: dates,
 * owners, stages, types and lead ids repeat across a million rows, so most
 * cells cost one map lookup, and equal values share one string in memory
 * (fewer objects for the garbage collector to copy). A column of mostly
 * distinct values (row ids) gains nothing, so after `PROBE` cells with fewer
 * than half of them repeats it stops being remembered.
 */
function memoized(field: z.ZodType) {
  let seen: Map<string, z.ZodSafeParseResult<unknown>> | null = new Map();
  let lookups = 0;
  let repeats = 0;
  return {
    check(value: string): z.ZodSafeParseResult<unknown> {
      if (seen === null) return field.safeParse(value);
      let result = seen.get(value);
      lookups++;
      if (result !== undefined) repeats++;
      else seen.set(value, (result = field.safeParse(value)));
      if (lookups === PROBE && repeats * 2 < lookups) seen = null;
      return result;
    },
  };
}

const PROBE = 10_000;

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

/** Reads, validates and returns the valid rows of one file; problems go to `log`, its import report to `importing.onReport`. */
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
  const fields = keys.map((key) => memoized(schema.shape[key] as z.ZodType));
  const required = kind === 'teams' ? TEAM_COLUMNS : kind === 'close_dates' ? CLOSE_DATE_COLUMNS : REQUIRED_COLUMNS[kind];
  const derived = DERIVED_COLUMNS[kind] ?? {};
  const makeRow = rowFactory(keys);
  const values: unknown[] = new Array(keys.length);
  const raw: string[] = new Array(keys.length);
  const rows: z.output<S>[] = [];
  const seenIds = checks.seenIds ?? new UniqueIds();
  const counts = { read: 0, kept: 0 };
  let columnIndex: number[] = [];
  let repeats: RepeatedHeader[] = [];
  let usable = false;
  let plan: RowPlan | null = null;

  /** Duplicate ids and references; true when the row is kept. A non-strict import drops a dangling optional link, or skips the row when the link is required. */
  function accept(row: Record<string, unknown>, line: number): boolean {
    if (checks.uniqueColumn) {
      const id = row[checks.uniqueColumn] as string;
      const first = seenIds.firstLineOf(id, line);
      if (first !== undefined) {
        log.add({ file: fileName, line, column: checks.uniqueColumn, value: id, rule: `duplicate id; first seen on line ${first}` });
        return false;
      }
    }
    if (checks.reference) {
      const { column, ids, what, lost } = checks.reference;
      const id = row[column] as string | undefined;
      if (id !== undefined && !ids.has(id)) {
        if (plan !== null && !plan.strict) {
          // A stage history row is nothing without its deal; an activity is still an activity.
          if (required.includes(column)) {
            plan.report.skip(`${column} refers to a missing ${what}`, line);
            return false;
          }
          row[column] = undefined;
          plan.report.change(`${column} link dropped: no ${what} with that id`, line);
          return true;
        }
        const problem = { file: fileName, line, column, value: id, rule: `refers to a missing ${what}` };
        const cause = lost?.causeOf(id) ?? null;
        if (cause === null) log.add(problem);
        else log.addKnockOn(problem, cause);
        return false;
      }
    }
    return true;
  }

  /** Checks the canonical strings in `cells` (one per key); the row when every field is valid and it passes `accept`. */
  function validRow(strings: readonly string[], line: number): Record<string, unknown> | null {
    let valid = true;
    for (let k = 0; k < keys.length; k++) {
      const result = fields[k].check(strings[k]);
      if (result.success) values[k] = result.data;
      else {
        valid = false;
        for (const issue of result.error.issues) log.add({ file: fileName, line, column: keys[k], value: strings[k], rule: issue.message });
      }
    }
    if (!valid) {
      if (checks.lost) checks.lost.ids.rejected(strings[keys.indexOf(checks.lost.column)] ?? '', fileName);
      return null;
    }
    const row = makeRow(values);
    if (!accept(row, line)) return null;
    checks.currencies?.take(row as { amount: number; currency?: string }, fileName, line);
    rows.push(row as z.output<S>);
    counts.kept++;
    return row;
  }

  /** One row of an export: the plan gives the canonical strings, then the same checks as a canonical row. */
  function importRow(plan: RowPlan, cells: string[], line: number): void {
    const skipped = plan.extract(cells, line, raw);
    if (skipped !== null) {
      plan.report.skip(skipped, line);
      return;
    }
    const row = validRow(raw, line);
    if (row === null) return;
    const changed = plan.changed();
    if (changed !== null) plan.report.change(changed, line);
    if (plan.stageDates.length > 0) {
      stageEntriesOf(row.id as string, cells, line, plan.stageDates, importing.config, fileName, importing.stageEntries, (p) => log.add(p));
    }
  }

  const read = await readCsv(source, {
    header(names, display) {
      repeats = repeatedHeaders(names, display);
      columnIndex = keys.map((key) => names.indexOf(derived[key] ?? key));
      const missing = required.filter((key) => !names.includes(key));
      if (missing.length === 0 && importing.spec === null) {
        usable = true;
        return;
      }
      const found = planFor({ kind, fileName, keys, required, names, display, missing, config: importing.config, spec: importing.spec });
      if ('problems' in found) for (const p of found.problems) log.add(p);
      else plan = found.plan;
      usable = plan !== null;
    },
    malformed(line, message) {
      log.add({ file: fileName, line, column: '', value: '', rule: `unreadable row (${message})` });
      checks.lost?.ids.unknown(fileName);
    },
    row(cells, line) {
      if (!usable) return;
      counts.read++;
      if (plan !== null) {
        importRow(plan, cells, line);
        return;
      }
      for (let k = 0; k < keys.length; k++) raw[k] = columnIndex[k] >= 0 ? (cells[columnIndex[k]] ?? '') : '';
      validRow(raw, line);
    },
  }, importing.spec?.encoding ?? importing.config.encoding);
  if (read.unreadable !== null) log.add({ file: fileName, line: read.unreadable.line, column: '', value: '', rule: read.unreadable.rule });
  else if (columnIndex.length === 0) log.add({ file: fileName, line: 0, column: '', value: '', rule: 'empty file: no header row' });
  if (read.unreadable !== null || !usable) checks.lost?.ids.unknown(fileName);
  const builder = plan !== null ? (plan as RowPlan).report : usable ? canonicalReport(kind, fileName, read, repeats, checks) : null;
  if (builder === null) return rows;
  Object.assign(builder.report, { rowsRead: counts.read, rowsKept: counts.kept });
  builder.report.encoding = read.encoding === null ? null : describeEncoding(read.encoding, read.switchedLine ?? undefined);
  if (checks.currencies) builder.report.currency = checks.currencies.summary(fileName);
  if (plan === null) for (const note of repeatedHeaderNotes(repeats, (c) => keys.filter((_, k) => columnIndex[k] === c))) builder.note(note);
  importing.onReport(plan !== null ? (plan as RowPlan).finish() : builder.finish());
  return rows;
}
