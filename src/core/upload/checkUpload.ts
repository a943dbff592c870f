/**
 * Validates an upload as the data set it would make: the new file laid over
 * the stored files and config, read by the one loader (`readDataset`), so a
 * new deals file is checked against the activities and config already there,
 * and an accepted upload always builds. A deals export also yields the stage
 * moves since the previous export and a pipeline snapshot.
 */
import { CONFIG_FILE, readDataset, type DataSource, type LoadResult } from '../ingest/dataset.ts';
import { configProblems } from '../ingest/configProblems.ts';
import { ProblemLog } from '../ingest/problems.ts';
import { stageEntries } from '../ingest/tables.ts';
import { configSchema, type Config } from '../schema/config.ts';
import { sourcesOf } from '../schema/sources.ts';
import { appendMoves, pipelineSnapshot, stageMoves, type PipelineSnapshot } from './history.ts';
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

  const checked: Checked = { file, rows, changes: [{ name: file, text }], stageChanges: 0, snapshot: null, notes: [] };
  if (kind !== 'deals') return { ok: checked };
  checked.snapshot = pipelineSnapshot(result.dataset.deals, result.dataset.config, version, date);
  await addStageMoves(base, result, { [file]: text }, date, checked);
  return { ok: checked };
}

/**
 * Appends the moves since the stored deals to stage_history.csv, when that is
 * where stage history lives (no `sources.stage_history`), and checks the
 * result again; anything unexpected leaves history alone, with a note.
 */
async function addStageMoves(base: DataSource, next: LoadResult, overlay: Record<string, string>, date: string, checked: Checked): Promise<void> {
  if (sourcesOf(next.dataset.config.sources, 'stage_history') !== null) {
    checked.notes.push('stage history comes from the files named in sources.stage_history, so no moves were added');
    return;
  }
  const previous = await readDataset(base);
  if (previous.problems.total > 0 || previous.dataset.deals.length === 0) return;
  const moves = stageMoves(previous.dataset.deals, next.dataset.deals, date, stageEntries(next.dataset.stageHistory, next.dataset.deals));
  if (moves.length === 0) return;
  const appended = appendMoves(await base.readText('stage_history.csv'), moves);
  if ('skipped' in appended) {
    checked.notes.push(appended.skipped);
    return;
  }
  const again = await readDataset(overlaySource(base, { ...overlay, 'stage_history.csv': appended.text }));
  if (again.problems.total > 0) {
    checked.notes.push(`${moves.length} stage moves were found but not added: the stage history would not validate`);
    return;
  }
  checked.changes.unshift({ name: 'stage_history.csv', text: appended.text });
  checked.stageChanges = moves.length;
  checked.notes.push(`${moves.length} stage change${moves.length === 1 ? '' : 's'} since the previous export added to stage_history.csv, dated ${date}`);
}
