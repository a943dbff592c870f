/**
 * Reads a whole data folder into a typed `Dataset`: the config first (stage
 * names and date order shape the row schemas), then the teams lookup, deals,
 * then the files that refer to deals. Every problem in every file is
 * collected. This is the one loader: the build, `validate`, `kpis` and the
 * upload endpoint all come through here, presets and mappings included.
 * The activities start streaming before the deals (their links to deals are
 * checked at the end: readTables.ts), so a caller can read them on another
 * thread in the meantime (`ReadOptions`).
 */
import type { z } from 'zod';
import { configSchema, type Config } from '../schema/config.ts';
import {
  CLOSE_DATES_FILE, closeDateSchema, quotaSchema, rowSchemas, teamSchema, type CloseDateEntry, type Customer, type Deal, type FileKind, type Quota, type RowSchemas,
} from '../schema/rows.ts';
import { sourcesOf, type SourceSpec } from '../schema/sources.ts';
import type { CsvSource } from './csvReader.ts';
import { Currencies } from './currency.ts';
import { ingestFile, type FileChecks, type Importing } from './file.ts';
import { findExports, foundNote, type FoundExport } from './folderScan.ts';
import type { ImportReport } from './importReport.ts';
import { LostIds } from './lostIds.ts';
import { ProblemLog, type Problem } from './problems.ts';
import { configProblems } from './configProblems.ts';
import { readTables, type FileToRead, type TableKind, type TableRead } from './readTables.ts';
import { linkDeals, type DealLinks } from './references.ts';
import { ACTIVITY_COLUMNS, concatTables, emptyTable, STAGE_HISTORY_COLUMNS, TableBuilder, type ActivityTable, type StageHistoryTable } from './tables.ts';
import { UniqueIds } from './uniqueIds.ts';

export const CONFIG_FILE = 'keepscore.config.json';

/** Where the files of a data folder come from: a directory, an upload, a test's strings. */
export interface DataSource {
  /** The whole text of a small file (the config), or null when it is absent. */
  readText(name: string): Promise<string | null>;
  /** A CSV file to stream, or null when it is absent. */
  openCsv(name: string): Promise<CsvSource | null>;
  /** The names of the folder's files, where a source can list them (a directory): exports under their own names are then found. */
  list?(): Promise<string[]>;
}

export interface FileSummary {
  file: string;
  kind: FileKind | 'close_dates';
  present: boolean;
  rows: number;
}

export interface Dataset {
  config: Config;
  deals: Deal[];
  /** Columns (tables.ts); each row's deal is its index in `deals`. */
  stageHistory: StageHistoryTable;
  activities: ActivityTable;
  quotas: Quota[];
  /** null without customers.csv: churn is then unknown, not zero. */
  customers: Customer[] | null;
  /** Close dates recorded from successive deals exports (close_dates.csv); null without the file: no deal can be seen to slip. */
  closeDates: CloseDateEntry[] | null;
  files: FileSummary[];
  /** One report per file read as a CRM export or through a mapping (none for canonical files). */
  imports: ImportReport[];
}

export interface LoadResult {
  dataset: Dataset;
  problems: ProblemLog;
  /** The same reports as `dataset.imports`. */
  imports: ImportReport[];
}

/** Reads the activities files of a folder: `readTables` by default; the Node loader's reads them on a worker thread, with the same result. */
export type ActivitiesReader = (config: Config, files: readonly FileToRead[], deals: Promise<DealLinks>) => Promise<TableRead<'activities'>>;

export interface ReadOptions {
  readActivities?: ActivitiesReader;
}

/**
 * Loads and validates a data folder. Only deals are required. A kind listed
 * in the config's `sources` is read from those files (presets, mappings);
 * any other kind from its canonical file, which may also be a CRM export
 * (its preset is detected from the header).
 */
export async function readDataset(source: DataSource, options: ReadOptions = {}): Promise<LoadResult> {
  const problems = new ProblemLog();
  const configText = await source.readText(CONFIG_FILE);
  let config = parseConfig(configText, problems);
  const imports: ImportReport[] = [];
  const dataset: Dataset = {
    config, deals: [], stageHistory: emptyTable(STAGE_HISTORY_COLUMNS), activities: emptyTable(ACTIVITY_COLUMNS), quotas: [], customers: null, closeDates: null, files: [], imports,
  };
  if (problems.total > 0) return { dataset, problems, imports };

  const schemas = rowSchemas(config);
  const stageEntries = new TableBuilder(STAGE_HISTORY_COLUMNS);
  const importing = (spec: SourceSpec | null): Importing => ({ config, spec, stageEntries, onReport: (r) => imports.push(r) });
  const scan = config.sources === undefined ? await findExports(source, config.encoding) : null;
  for (const p of scan?.problems ?? []) problems.add(p);
  const filesOf = (kind: FileKind) => filesToRead(kind, config, scan?.found.get(kind) ?? null);

  /** All rows of a kind from its files; null when none is present. */
  async function read<K extends 'deals' | 'quotas' | 'customers'>(kind: K, checks: FileChecks = {}): Promise<z.output<RowSchemas[K]>[] | null> {
    let all: z.output<RowSchemas[K]>[] | null = null;
    const shared = { ...checks, seenIds: new UniqueIds() };
    for (const { file, spec, found } of filesOf(kind)) {
      const csv = await source.openCsv(file);
      if (csv === null) {
        if (spec) problems.add({ file, line: 0, column: '', value: '', rule: `missing file; keepscore.config.json names it in sources.${kind}` });
        if (spec) checks.lost?.ids.unknown(file);
        else dataset.files.push({ file, kind, present: false, rows: 0 });
        continue;
      }
      const schema = kind === 'quotas' && spec?.quotaPeriod === 'quarter' ? quotaSchema(config.dateOrder, 'quarter') : schemas[kind];
      const rows = (await ingestFile(kind, file, csv, schema, problems, shared, withNote(importing(spec), found))) as z.output<RowSchemas[K]>[];
      dataset.files.push({ file, kind, present: true, rows: rows.length });
      all = all === null ? rows : all.concat(rows);
    }
    return all;
  }

  config = dataset.config = await readTeams(source, config, problems, importing);
  const dealLinks = deferred<DealLinks>();
  const activities = (options.readActivities ?? ((c, files, deals) => readTables(source, 'activities', c, files, deals)))(config, filesOf('activities'), dealLinks.promise);
  activities.catch(() => {}); // awaited after the deals; a failure meanwhile is not unhandled
  const currencies = new Currencies(config);
  // The deals the other files refer to; what deals.csv failed to define makes their missing references knock-ons.
  const lostDeals = new LostIds();
  const deals = await read('deals', { uniqueColumn: 'id', currencies, lost: { ids: lostDeals, column: 'id' } });
  const mixed = currencies.problem();
  if (mixed !== null) problems.add(mixed);
  if (deals === null && !config.sources?.deals && !scan?.problems.some((p) => p.file === 'deals.csv')) problems.add(missingDeals(scan?.others ?? []));
  if (deals === null && !config.sources?.deals) lostDeals.unknown('deals.csv');
  dataset.deals = deals ?? [];
  dealLinks.resolve({ index: new Map(dataset.deals.map((d, i) => [d.id, i])), lost: lostDeals });
  const history = take(dataset, problems, await readTables(source, 'stage_history', config, filesOf('stage_history'), dealLinks.promise));
  dataset.stageHistory = mergeHistory(history, linkDeals(STAGE_HISTORY_COLUMNS, stageEntries.finish(), (await dealLinks.promise).index, () => false).table, dataset.files);
  dataset.activities = take(dataset, problems, await activities) ?? emptyTable(ACTIVITY_COLUMNS);
  dataset.quotas = (await read('quotas')) ?? [];
  dataset.customers = await read('customers');
  dataset.closeDates = await readCloseDates(source, config, problems, dataset.files, importing(null));
  return { dataset, problems, imports };
}

/** The files a kind is read from: those the config's sources name, else the export the folder scan found, else its canonical file. */
function filesToRead(kind: FileKind, config: Config, found: FoundExport | null): FileToRead[] {
  const specs = sourcesOf(config.sources, kind);
  if (specs !== null) return specs.map((spec) => ({ file: spec.file, spec, found: null }));
  if (found !== null) return [{ file: found.file, spec: { file: found.file }, found }];
  return [{ file: `${kind}.csv`, spec: null, found: null }];
}

/** A table kind's problems, file summaries and import reports join the data set's; its table, or null without files. */
function take<K extends TableKind>(dataset: Dataset, problems: ProblemLog, read: TableRead<K>): TableRead<K>['table'] {
  problems.addByLine(ProblemLog.revive(read.problems));
  dataset.files.push(...read.files);
  dataset.imports.push(...read.reports);
  return read.table;
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * close_dates.csv, checked like the canonical files; null when absent (it is
 * never required). A row of a deal the deals file no longer has is no error:
 * the file is the upload's record of past exports, and a deal deleted in the
 * CRM must not block the next upload (the deal lists pass over it).
 */
async function readCloseDates(source: DataSource, config: Config, problems: ProblemLog, files: FileSummary[], importing: Importing) {
  const csv = await source.openCsv(CLOSE_DATES_FILE);
  if (csv === null) return null;
  const rows = await ingestFile('close_dates', CLOSE_DATES_FILE, csv, closeDateSchema(config.dateOrder), problems, {}, importing);
  files.push({ file: CLOSE_DATES_FILE, kind: 'close_dates', present: true, rows: rows.length });
  return rows;
}

/** The import report of an export the folder scan found says so. */
function withNote(importing: Importing, found: FoundExport | null): Importing {
  if (found === null) return importing;
  return { ...importing, onReport: (report) => importing.onReport({ ...report, notes: [foundNote(found), ...report.notes] }) };
}

function missingDeals(others: readonly string[]): Problem {
  const rule = others.length === 0
    ? 'required file is missing'
    : `required file is missing, and no other CSV file of the folder (${others.join(', ')}) has a deals header Keepscore recognises (Keepscore's columns or a CRM preset's): ` +
      'name yours in keepscore.config.json "sources", with a mapping of its columns (README "Importing CRM exports")';
  return { file: 'deals.csv', line: 0, column: '', value: '', rule };
}

/**
 * Stage history from a deals export (HubSpot) joins the stage history files.
 * Its summary takes the place of an absent stage_history.csv.
 */
function mergeHistory(fromFiles: StageHistoryTable | null, fromDeals: StageHistoryTable, files: FileSummary[]): StageHistoryTable {
  if (fromDeals.length === 0) return fromFiles ?? emptyTable(STAGE_HISTORY_COLUMNS);
  const absent = files.findIndex((f) => f.kind === 'stage_history' && !f.present);
  const summary: FileSummary = { file: files.find((f) => f.kind === 'deals' && f.present)?.file ?? 'deals.csv', kind: 'stage_history', present: true, rows: fromDeals.length };
  if (absent >= 0) files.splice(absent, 1, summary);
  else files.push(summary);
  return fromFiles === null ? fromDeals : concatTables(STAGE_HISTORY_COLUMNS, fromFiles, fromDeals);
}

/**
 * The config's teams, filled from a lookup file (`sources.teams`): teams the
 * config writes out win; a rep listed twice keeps the first team (noted).
 */
async function readTeams(source: DataSource, config: Config, problems: ProblemLog, importing: (spec: SourceSpec) => Importing): Promise<Config> {
  const specs = sourcesOf(config.sources, 'teams');
  if (specs === null) return config;
  // Keyed by rep names from the data: no prototype, so a rep called toString or __proto__ is a key like any other.
  const teams: Record<string, string> = Object.create(null);
  for (const spec of specs) {
    const csv = await source.openCsv(spec.file);
    if (csv === null) {
      problems.add({ file: spec.file, line: 0, column: '', value: '', rule: 'missing file; keepscore.config.json names it in sources.teams' });
      continue;
    }
    let report: ImportReport | null = null;
    const rows = await ingestFile('teams', spec.file, csv, teamSchema, problems, {}, { ...importing(spec), onReport: (r) => (report = r) });
    let conflicts = 0;
    for (const row of rows) {
      if (teams[row.owner] === undefined) teams[row.owner] = row.team;
      else if (teams[row.owner] !== row.team) conflicts++;
    }
    if (report === null) continue;
    if (conflicts > 0) (report as ImportReport).notes.push(`${conflicts} reps listed again with another team: the first team counts`);
    importing(spec).onReport(report);
  }
  return { ...config, teams: { ...teams, ...config.teams } };
}

function parseConfig(text: string | null, problems: ProblemLog): Config {
  const fallback = configSchema.parse({});
  if (text === null) return fallback;
  const found = configProblems(CONFIG_FILE, text);
  if ('problems' in found) {
    for (const p of found.problems) problems.add(p);
    return fallback;
  }
  return found.config;
}
