/**
 * Reads a whole data folder into a typed `Dataset`: the config first (stage
 * names and date order shape the row schemas), then deals, then the files
 * that refer to deals. Every problem in every file is collected.
 */
import { configSchema, type Config } from '../schema/config.ts';
import { rowSchemas, type Activity, type Customer, type Deal, type FileKind, type Quota, type StageEntry } from '../schema/rows.ts';
import type { CsvSource } from './csv.ts';
import { ingestFile } from './file.ts';
import { ProblemLog } from './problems.ts';
import { configProblems } from './configProblems.ts';

export const CONFIG_FILE = 'keepscore.config.json';

/** Where the files of a data folder come from: a directory, an upload, a test's strings. */
export interface DataSource {
  /** The whole text of a small file (the config), or null when it is absent. */
  readText(name: string): Promise<string | null>;
  /** A CSV file to stream, or null when it is absent. */
  openCsv(name: string): Promise<CsvSource | null>;
}

export interface FileSummary {
  file: string;
  kind: FileKind;
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
  files: FileSummary[];
}

export interface LoadResult {
  dataset: Dataset;
  problems: ProblemLog;
}

/** Loads and validates a data folder. Only deals.csv is required. */
export async function readDataset(source: DataSource): Promise<LoadResult> {
  const problems = new ProblemLog();
  const configText = await source.readText(CONFIG_FILE);
  const config = parseConfig(configText, problems);
  const dataset: Dataset = { config, deals: [], stageHistory: [], activities: [], quotas: [], customers: null, files: [] };
  if (problems.total > 0) return { dataset, problems };

  const schemas = rowSchemas(config);
  async function read<K extends FileKind>(kind: K, checks?: Parameters<typeof ingestFile>[5]) {
    const file = `${kind}.csv`;
    const csv = await source.openCsv(file);
    if (csv === null) {
      dataset.files.push({ file, kind, present: false, rows: 0 });
      return null;
    }
    const rows = await ingestFile(kind, file, csv, schemas[kind], problems, checks);
    dataset.files.push({ file, kind, present: true, rows: rows.length });
    return rows;
  }

  const deals = await read('deals', { uniqueColumn: 'id' });
  if (deals === null) problems.add({ file: 'deals.csv', line: 0, column: '', value: '', rule: 'required file is missing' });
  dataset.deals = deals ?? [];
  const dealIds = new Set(dataset.deals.map((d) => d.id));
  dataset.stageHistory = (await read('stage_history', { reference: { column: 'deal', ids: dealIds, what: 'deal' } })) ?? [];
  dataset.activities =
    (await read('activities', { uniqueColumn: 'id', reference: { column: 'deal', ids: dealIds, what: 'deal' } })) ?? [];
  dataset.quotas = (await read('quotas')) ?? [];
  dataset.customers = await read('customers');
  return { dataset, problems };
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
