/**
 * Validates an upload as the data set it would make: the new file laid over
 * the stored files and config, read by the one loader (`readDataset`), so a
 * new deals file is checked against the activities and config already there,
 * and an accepted upload always builds. A deals export also yields the stage
 * moves since the previous export, its open deals' close dates (where they
 * changed) and a pipeline snapshot.
 */
import { CONFIG_FILE, readDataset, type DataSource, type LoadResult } from '../ingest/dataset.ts';
import { configProblems } from '../ingest/configProblems.ts';
import { ProblemLog } from '../ingest/problems.ts';
import { stageEntries } from '../ingest/tables.ts';
import { configSchema, type Config } from '../schema/config.ts';
import { CLOSE_DATES_FILE } from '../schema/rows.ts';
import { sourcesOf } from '../schema/sources.ts';
import { appendCloseDates, appendMoves, closeDateChanges, pipelineSnapshot, stageMoves, type PipelineSnapshot } from './history.ts';
import { targetFile, type UploadKind } from './kinds.ts';
import type { FileChange } from './types.ts';

/** `base` with some files replaced by in-memory texts. */
export function overlaySource(base: DataSource, files: Readonly<Record<string, string>>): DataSource {
  return {
    readText: async (name) => (Object.hasOwn(files, name) ? files[name] : base.readText(name)),
    openCsv: async (name) => (Object.hasOwn(files, name) ? files[name] : base.openCsv(name)),
  };
}

export interface Checked {
  file: string;
  rows: number;
  /** Files to write, stage history first. */
  changes: FileChange[];
  stageChanges: number;
  snapshot: PipelineSnapshot | null;
  notes: string[];
}

export type CheckResult = { ok: Checked } | { file: string; problems: ProblemLog };

/** The stored config (the default when absent or broken: the loader reports a broken one). */
async function storedConfig(base: DataSource): Promise<Config> {
  const text = await base.readText(CONFIG_FILE);
  if (text === null) return configSchema.parse({});
  const found = configProblems(CONFIG_FILE, text);
  return 'config' in found ? found.config : configSchema.parse({});
}

function single(file: string, rule: string, line = 0): ProblemLog {
  const log = new ProblemLog();
  log.add({ file, line, column: '', value: '', rule });
  return log;
}

/**
 * Checks `text` as the new `kind` file. `date` (`YYYY-MM-DD`) dates the
 * stage moves and the snapshot; `version` names the snapshot.
 */
export async function checkUpload(base: DataSource, kind: UploadKind, text: string, date: string, version: string): Promise<CheckResult> {
  const config = await storedConfig(base);
  const target = targetFile(config, kind);
  if ('error' in target) return { file: `${kind}.csv`, problems: single(`${kind}.csv`, target.error) };
  const file = target.file;
  const result = await readDataset(overlaySource(base, { [file]: text }));
  if (result.problems.total > 0) return { file, problems: result.problems };
  const rows = result.dataset.files.filter((f) => f.file === file).reduce((n, f) => n + f.rows, 0);
  if (rows === 0) return { file, problems: single(file, 'no data rows: the file has a header and nothing under it (or every row was left out)', 1) };

  // What the loader had to say of the file (a repeated header and the column read, an encoding, currencies): the uploader reads it too.
  const notes = result.imports.filter((r) => r.file === file).flatMap((r) => r.notes);
  const checked: Checked = { file, rows, changes: [{ name: file, text }], stageChanges: 0, snapshot: null, notes };
  if (kind !== 'deals') return { ok: checked };
  checked.snapshot = pipelineSnapshot(result.dataset.deals, result.dataset.config, version, date);
  const derived = [await stageHistoryChange(base, result, date, checked.notes), await closeDatesChange(base, result, date, checked.notes)].filter((d) => d !== null);
  if (derived.length === 0) return { ok: checked };
  // Checked again as the folder would be, so a derived file can never make an accepted upload unbuildable.
  const again = await readDataset(overlaySource(base, { [file]: text, ...Object.fromEntries(derived.map((d) => [d.change.name, d.change.text])) }));
  if (again.problems.total > 0) {
    checked.notes.push(`${derived.map((d) => d.found).join(' and ')} found but not added: the files would not validate`);
    return { ok: checked };
  }
  // Before the deals file: a reader between two writes sees files that agree.
  checked.changes.unshift(...derived.map((d) => d.change));
  checked.stageChanges = derived.find((d) => d.change.name === 'stage_history.csv')?.count ?? 0;
  checked.notes.push(...derived.map((d) => d.note));
  return { ok: checked };
}

/** A file a deals upload writes beside the deals: what it holds, how many rows it gained, and the notes that say so. */
interface Derived {
  change: FileChange;
  count: number;
  /** `3 stage moves` */
  found: string;
  note: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * stage_history.csv with the moves since the stored deals, when that is
 * where stage history lives (no `sources.stage_history`); null when there is
 * nothing to add or it cannot be added (then a note says why).
 */
async function stageHistoryChange(base: DataSource, next: LoadResult, date: string, notes: string[]): Promise<Derived | null> {
  if (sourcesOf(next.dataset.config.sources, 'stage_history') !== null) {
    notes.push('stage history comes from the files named in sources.stage_history, so no moves were added');
    return null;
  }
  const previous = await readDataset(base);
  if (previous.problems.total > 0 || previous.dataset.deals.length === 0) return null;
  const moves = stageMoves(previous.dataset.deals, next.dataset.deals, date, stageEntries(next.dataset.stageHistory, next.dataset.deals));
  if (moves.length === 0) return null;
  const appended = appendMoves(await base.readText('stage_history.csv'), moves);
  if ('skipped' in appended) {
    notes.push(appended.skipped);
    return null;
  }
  const n = moves.length;
  return {
    change: { name: 'stage_history.csv', text: appended.text }, count: n, found: plural(n, 'stage move', 'stage moves'),
    note: `${plural(n, 'stage change', 'stage changes')} since the previous export added to stage_history.csv, dated ${date}`,
  };
}

/** close_dates.csv with each open deal's close date that differs from the one last recorded (all of them the first time); null when none does. */
async function closeDatesChange(base: DataSource, next: LoadResult, date: string, notes: string[]): Promise<Derived | null> {
  const records = closeDateChanges(next.dataset.deals, next.dataset.config, next.dataset.closeDates, date);
  if (records.length === 0) return null;
  const appended = appendCloseDates(await base.readText(CLOSE_DATES_FILE), records);
  if ('skipped' in appended) {
    notes.push(appended.skipped);
    return null;
  }
  const n = records.length;
  const what = next.dataset.closeDates === null ? plural(n, 'open deal\'s close date', 'open deals\' close dates') : `${plural(n, 'close date', 'close dates')} changed since the previous export`;
  return {
    change: { name: CLOSE_DATES_FILE, text: appended.text }, count: n, found: plural(n, 'close date', 'close dates'),
    note: `${what} recorded in ${CLOSE_DATES_FILE}, dated ${date}`,
  };
}
