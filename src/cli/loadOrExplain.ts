/** Loads a data folder for a command, turning a missing folder into a UserError. */
import { stat } from 'node:fs/promises';
import { loadDataset } from '../node/loadDataset.ts';
import type { LoadResult } from '../core/ingest/dataset.ts';
import { UserError } from './run.ts';

export async function loadFolder(dir: string): Promise<LoadResult> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new UserError(`No data folder at "${dir}". Pass --data DIR (or set KEEPSCORE_DATA) to a folder holding deals.csv, or CRM exports named in its keepscore.config.json.`);
  return loadDataset(dir);
}
