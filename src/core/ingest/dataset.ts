/**
 * Reads a whole data folder into a typed `Dataset`: the config first (stage
 * names and date order shape the row schemas), then the teams lookup, deals,
 * then the files that refer to deals. Every problem in every file is
 * collected. This is the one loader: the build, `validate`, `kpis` and the
 * upload endpoint all come through here, presets and mappings included.
 */
import type { z } from 'zod';
import { configSchema, type Config } from '../schema/config.ts';
import {
  CLOSE_DATES_FILE, closeDateSchema, quotaSchema, rowSchemas, teamSchema,
  type Activity, type CloseDateEntry, type Customer, type Deal, type FileKind, type Quota, type RowSchemas, type StageEntry,
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
  stageHistory: StageEntry[];
  activities: Activity[];
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

/**
 * Loads and validates a data folder. Only deals are required. A kind listed
 * in the config's `sources` is read from those files (presets, mappings);
 * any other kind from its canonical file, which may also be a CRM export
 * (its preset is detected from the header).
 */
export async function readDataset(source: DataSource): Promise<LoadResult> {
  const problems = new ProblemLog();
  const configText = await source.readText(CONFIG_FILE);
  let config = parseConfig(configText, problems);
  const imports: ImportReport[] = [];
  const dataset: Dataset = { config, deals: [], stageHistory: [], activities: [], quotas: [], customers: null, closeDates: null, files: [], imports };
  if (problems.total > 0) return { dataset, problems, imports };

  const schemas = rowSchemas(config);
  const stageEntries: StageEntry[] = [];
  const importing = (spec: SourceSpec | null): Importing => ({ config, spec, stageEntries, onReport: (r) => imports.push(r) });
  const scan = config.sources === undefined ? await findExports(source, config.encoding) : null;
  for (const p of scan?.problems ?? []) problems.add(p);

  /** All rows of a kind from its files; null when none is present. */
  async function read<K extends FileKind>(kind: K, checks: FileChecks = {}): Promise<z.output<RowSchemas[K]>[] | null> {
    const found = scan?.found.get(kind);
    const specs = sourcesOf(config.sources, kind) ?? (found ? [{ file: found.file }] : null);
    const files = specs ?? [null];
    let all: z.output<RowSchemas[K]>[] | null = null;
    const shared = { ...checks, seenIds: new UniqueIds() };
    for (const spec of files) {
      const file = spec?.file ?? `${kind}.csv`;
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
  const currencies = new Currencies(config);
  // The deals the other files refer to; what deals.csv failed to define makes their missing references knock-ons.
  const lostDeals = new LostIds();
  const deals = await read('deals', { uniqueColumn: 'id', currencies, lost: { ids: lostDeals, column: 'id' } });
  const mixed = currencies.problem();
  if (mixed !== null) problems.add(mixed);
  if (deals === null && !config.sources?.deals && !scan?.problems.some((p) => p.file === 'deals.csv')) problems.add(missingDeals(scan?.others ?? []));
  if (deals === null && !config.sources?.deals) lostDeals.unknown('deals.csv');
  dataset.deals = deals ?? [];
  const dealRef = { column: 'deal', ids: new Set(dataset.deals.map((d) => d.id)), what: 'deal', lost: lostDeals };
  const history = await read('stage_history', { reference: dealRef });
  dataset.stageHistory = mergeHistory(history, stageEntries, dataset.files);
  dataset.activities = (await read('activities', { uniqueColumn: 'id', reference: dealRef })) ?? [];
  dataset.quotas = (await read('quotas')) ?? [];
  dataset.customers = await read('customers');
  dataset.closeDates = await readCloseDates(source, config, problems, dataset.files, importing(null));
  return { dataset, problems, imports };
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
function withNote(importing: Importing, found: FoundExport | undefined): Importing {
  if (found === undefined) return importing;
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
function mergeHistory(fromFiles: StageEntry[] | null, fromDeals: StageEntry[], files: FileSummary[]): StageEntry[] {
  if (fromDeals.length === 0) return fromFiles ?? [];
  const absent = files.findIndex((f) => f.kind === 'stage_history' && !f.present);
  const summary: FileSummary = { file: files.find((f) => f.kind === 'deals' && f.present)?.file ?? 'deals.csv', kind: 'stage_history', present: true, rows: fromDeals.length };
  if (absent >= 0) files.splice(absent, 1, summary);
  else files.push(summary);
  return fromFiles === null ? fromDeals : fromFiles.concat(fromDeals);
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
