/**
 * Reads the frozen monthly snapshots of a data folder (`<dir>/reports/*.json`)
 * for the build: the fs edge of src/core/report/snapshotFile.ts. Any other file
 * in the folder (a temp file of an interrupted write, notes) is ignored; a
 * broken snapshot throws SnapshotError naming the file, which stops the build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { monthOfSnapshotFile, readSnapshot, type Snapshot } from '../core/report/snapshotFile.ts';

export interface FrozenReport {
  month: string;
  /** The file as shown to readers: relative to the working directory when inside it. */
  file: string;
  snapshot: Snapshot;
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Snapshots of `dataDir` by month; an empty map when there is no reports folder. */
export async function loadSnapshots(dataDir: string): Promise<Map<string, FrozenReport>> {
  const folder = join(dataDir, 'reports');
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const frozen = new Map<string, FrozenReport>();
  for (const name of names.sort()) {
    const month = monthOfSnapshotFile(name);
    if (month === null) continue;
    const path = join(folder, name);
    const file = shown(path);
    frozen.set(month, { month, file, snapshot: readSnapshot(file, await readFile(path, 'utf8')) });
  }
  return frozen;
}
