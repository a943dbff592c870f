/**
 * HubSpot keeps a deal's stage history in columns, one per stage:
 * `Date entered "Appointment Scheduled (Sales Pipeline)"`, or with single
 * quotes, or without the pipeline. Each non-empty cell is one stage history
 * row: the deal entered that stage on that date.
 */
import type { Config } from '../schema/config.ts';
import type { StageEntry } from '../schema/rows.ts';
import type { ImportReportBuilder } from './importReport.ts';
import type { TableBuilder } from './tables.ts';
import type { Problem } from './problems.ts';
import { parseDay, parseInstant } from './values.ts';

export interface StageDateColumn {
  index: number;
  /** The config's spelling of the stage. */
  stage: string;
  /** The header as written, for problems. */
  header: string;
}

// `date entered "x"` / `date entered 'x'`; "Date entered current stage" has no quotes and is not a stage.
const DATE_ENTERED = /^date entered\s+(["'])(.+)\1$/;
/** The label without a trailing `(Sales Pipeline)` and the spaces before it (a scan: `\s*\(…\)$` backtracks on long labels). */
function withoutPipeline(label: string): string {
  const open = label.lastIndexOf('(');
  if (!label.endsWith(')') || open < 0 || label.indexOf(')', open) !== label.length - 1) return label;
  return label.slice(0, open).trimEnd();
}

/**
 * The stage-date columns of a header whose stage is one of the config's,
 * after the source's stage translations (`closedwon` -> the won stage…).
 * Columns of stages the config does not list are ignored and noted.
 */
export function stageDateColumns(
  names: readonly string[],
  display: readonly string[],
  config: Config,
  stageValues: ReadonlyMap<string, { to: string }> | null,
  report: ImportReportBuilder,
): StageDateColumn[] {
  const stages = new Map([...config.stages.map((s) => s.name), config.wonStage, config.lostStage].map((n) => [n.toLowerCase(), n]));
  const resolve = (label: string): string | undefined => {
    const key = label.trim().toLowerCase();
    const translated = stageValues?.get(key)?.to ?? label;
    return stages.get(translated.trim().toLowerCase());
  };
  const columns: StageDateColumn[] = [];
  const ignored: string[] = [];
  names.forEach((name, index) => {
    const m = DATE_ENTERED.exec(name);
    if (!m) return;
    const label = m[2];
    const stage = resolve(label) ?? resolve(withoutPipeline(label));
    if (stage === undefined) ignored.push(display[index]);
    else columns.push({ index, stage, header: display[index] });
  });
  if (columns.length > 0) report.note(`stage history from ${columns.length} "Date entered" columns`);
  if (ignored.length > 0) {
    const shown = ignored.slice(0, 5).join(', ') + (ignored.length > 5 ? `, and ${ignored.length - 5} more` : '');
    report.note(`ignored ${ignored.length} "Date entered" columns of stages the config does not list: ${shown}`);
  }
  return columns;
}

/**
 * The stage history rows of one kept deal, added to `out` (its deal by id).
 * A stage entered twice on one day (the same stage in both quote styles)
 * gives one row; an unreadable date is a problem.
 */
export function stageEntriesOf(
  deal: string,
  cells: readonly string[],
  line: number,
  columns: readonly StageDateColumn[],
  config: Config,
  file: string,
  out: TableBuilder,
  problems: (p: Problem) => void,
): number {
  const entries: StageEntry[] = [];
  for (const column of columns) {
    const text = (cells[column.index] ?? '').trim();
    if (text === '') continue;
    const entered = parseDay(text, config.dateOrder);
    if (entered === null) {
      problems({ file, line, column: column.header, value: text, rule: 'not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)' });
      continue;
    }
    if (entries.some((e) => e.stage === column.stage && e.entered === entered)) continue;
    entries.push({ deal, stage: column.stage, entered, enteredAt: parseInstant(text, config.dateOrder) });
  }
  for (const entry of entries) out.add(entry, line);
  return entries.length;
}
