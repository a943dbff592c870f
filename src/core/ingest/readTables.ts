/**
 * Reads the files of a table kind (activities, stage history): each file
 * streamed into columns first, then, once the deals are known, its deal
 * links checked and its problems and import report handed over, in file
 * order. Nothing here depends on the deals until they are awaited, and the
 * result is plain data (typed arrays, strings, maps), so the Node loader can
 * run this on a worker thread while the deals load (src/node/tablesWorker.ts)
 * and get the same result as here.
 */
import type { Config } from '../schema/config.ts';
import { REQUIRED_COLUMNS, rowSchemas } from '../schema/rows.ts';
import type { SourceSpec } from '../schema/sources.ts';
import type { DataSource, FileSummary } from './dataset.ts';
import { scanTable, type FileScan, type Importing } from './file.ts';
import { foundNote, type FoundExport } from './folderScan.ts';
import type { ImportReport } from './importReport.ts';
import { ProblemLog, type Problem } from './problems.ts';
import { linkFile, type DealLinks } from './references.ts';
import { ACTIVITY_COLUMNS, concatTables, STAGE_HISTORY_COLUMNS, TableBuilder, type ScannedTable, type Table } from './tables.ts';
import { repeatedIds } from './repeats.ts';
import type { PackedText } from './columns.ts';

export const TABLE_LAYOUTS = { activities: ACTIVITY_COLUMNS, stage_history: STAGE_HISTORY_COLUMNS } as const;
export type TableKind = keyof typeof TABLE_LAYOUTS;

/** One file of a kind: the config's source for it (null for the canonical file name), and the export the folder scan found, if that is how it was named. */
export interface FileToRead {
  file: string;
  spec: SourceSpec | null;
  found: FoundExport | null;
}

/** What the files of a table kind gave: the table (null when none is present), a summary per file, problems in file order, import reports. */
export interface TableRead<K extends TableKind> {
  table: Table<(typeof TABLE_LAYOUTS)[K]> | null;
  files: FileSummary[];
  problems: ProblemLog;
  reports: ImportReport[];
}

type Step = { problem: Problem } | { absent: FileSummary } | { file: string; scan: FileScan & { table: ScannedTable } };

export async function readTables<K extends TableKind>(source: DataSource, kind: K, config: Config, files: readonly FileToRead[], deals: Promise<DealLinks>): Promise<TableRead<K>> {
  const layout = TABLE_LAYOUTS[kind];
  const schema = rowSchemas(config)[kind];
  // Repeated ids are found after the files (repeats.ts): no uniqueColumn while they stream.
  const checks = {};
  const reports: ImportReport[] = [];
  const steps: Step[] = [];
  for (const { file, spec, found } of files) {
    const csv = await source.openCsv(file);
    if (csv === null) {
      if (spec) steps.push({ problem: { file, line: 0, column: '', value: '', rule: `missing file; keepscore.config.json names it in sources.${kind}` } });
      else steps.push({ absent: { file, kind, present: false, rows: 0 } });
      continue;
    }
    // The export the folder scan found says so in its report.
    const importing: Importing = { config, spec, onReport: (r) => reports.push(found ? { ...r, notes: [foundNote(found), ...r.notes] } : r) };
    steps.push({ file, scan: await scanTable(kind, file, csv, schema, checks, importing, new TableBuilder(layout)) });
  }
  const scans = steps.flatMap((step) => ('scan' in step ? [step.scan.table] : []));
  const repeats = kind === 'activities' ? repeatedIds(scans.map((t) => ({ text: t.columns.id as PackedText, lines: t.lines }))) : null;
  const links = await deals;
  const read: TableRead<K> = { table: null, files: [], problems: new ProblemLog(), reports };
  for (const step of steps) {
    if ('problem' in step) read.problems.add(step.problem);
    else if ('absent' in step) read.files.push(step.absent);
    else {
      const repeatedAt = repeats?.[scans.indexOf(step.scan.table)] ?? null;
      const table = linkFile(layout, step.file, step.scan, links, REQUIRED_COLUMNS[kind].includes('deal'), read.problems, repeatedAt);
      read.files.push({ file: step.file, kind, present: true, rows: table.length });
      read.table = read.table === null ? table : concatTables(layout, read.table, table);
    }
  }
  return read;
}
