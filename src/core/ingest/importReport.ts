/**
 * The import report of one file read through a preset or a mapping: what was
 * used, how many rows were read, kept and skipped (and why, with their first
 * lines), and which values were translated. Data only: the site words it
 * (src/site/present/importReportLines.ts) for the /data/ page and `validate`.
 */
import type { ImportKind, PresetName } from '../schema/sources.ts';

/** Lines kept per skip reason: enough to find the rows, bounded for a million-row file. */
const LINES_KEPT = 5;

export interface SkipCount {
  reason: string;
  count: number;
  /** The first few lines skipped for this reason. */
  lines: number[];
}

export interface ValueCount {
  column: string;
  from: string;
  to: string;
  count: number;
}

export interface ImportReport {
  file: string;
  kind: ImportKind;
  /** The preset used (named in the config or detected from the header), or null for a plain mapping. */
  preset: PresetName | null;
  /** The export the preset recognised, e.g. "HubSpot deals export". */
  shape: string | null;
  /** Whether the preset was detected from the header rather than named in the config. */
  detected: boolean;
  /** Whether the config's `sources` mapped columns, values or defaults for this file. */
  mapping: boolean;
  /** Read by Keepscore's own column names (a canonical file with something to report: an encoding, currencies, a repeated header). */
  canonical: boolean;
  strict: boolean;
  /** What the bytes were decoded from, e.g. `Windows-1252 (not valid UTF-8 from line 40, byte 0xF3)`; null for text handed over as text. */
  encoding: string | null;
  /** Deals: the currencies found and how they were converted. */
  currency: string | null;
  /** canonical column -> where its values come from (`Deal - Won time, else Deal - Expected close date`, `line number`…). */
  columns: Record<string, string>;
  rowsRead: number;
  rowsKept: number;
  /** Rows left out (non-strict sources only), by reason. */
  skipped: SkipCount[];
  /** Rows kept with a change (a link to a missing deal dropped), by reason. */
  changed: SkipCount[];
  valuesMapped: ValueCount[];
  /** Anything else worth knowing: stage history rows made, columns ignored, links dropped. */
  notes: string[];
}

type Counted = 'rowsRead' | 'rowsKept' | 'skipped' | 'changed' | 'valuesMapped' | 'notes';

/** Collects one file's report as rows stream by; counters are plain fields, cheap per row. */
export class ImportReportBuilder {
  readonly report: ImportReport;
  private readonly skips = new Map<string, SkipCount>();
  private readonly values: ValueCount[] = [];

  private readonly changes = new Map<string, SkipCount>();

  constructor(init: Omit<ImportReport, Counted | 'canonical' | 'encoding' | 'currency'> & Partial<Pick<ImportReport, 'canonical'>>) {
    this.report = { canonical: false, ...init, encoding: null, currency: null, rowsRead: 0, rowsKept: 0, skipped: [], changed: [], valuesMapped: [], notes: [] };
  }

  skip(reason: string, line: number): void {
    count(this.skips, reason, line);
  }

  change(reason: string, line: number): void {
    count(this.changes, reason, line);
  }

  /** A counter for one value translation, bumped by the caller on every use. */
  valueCounter(column: string, from: string, to: string): ValueCount {
    const counter = { column, from, to, count: 0 };
    this.values.push(counter);
    return counter;
  }

  note(text: string): void {
    this.report.notes.push(text);
  }

  /** The finished report: reasons by count, values used at least once, most used first. */
  finish(): ImportReport {
    // Equal counts in order of their first line: rows checked after the file (references to deals) take their place among the rest.
    const byCount = (a: SkipCount, b: SkipCount) => b.count - a.count || a.lines[0] - b.lines[0];
    this.report.skipped = [...this.skips.values()].sort(byCount);
    this.report.changed = [...this.changes.values()].sort(byCount);
    // A value that only changed case ("closed won" -> "Closed Won") is not worth a line.
    this.report.valuesMapped = this.values.filter((v) => v.count > 0 && v.from.toLowerCase() !== v.to.toLowerCase()).sort((a, b) => b.count - a.count || a.column.localeCompare(b.column));
    return this.report;
  }
}

function count(counts: Map<string, SkipCount>, reason: string, line: number): void {
  let entry = counts.get(reason);
  if (entry === undefined) counts.set(reason, (entry = { reason, count: 0, lines: [] }));
  entry.count++;
  if (entry.lines.length < LINES_KEPT) entry.lines.push(line);
}
