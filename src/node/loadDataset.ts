/** The one loader of a data folder on disk: streams each file into `readDataset`. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readDataset, type DataSource, type LoadResult } from '../core/ingest/dataset.ts';

async function exists(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** A data source over a directory. A missing file is absent, not an error. */
export function directorySource(dir: string): DataSource {
  return {
    async readText(name) {
      const path = join(dir, name);
      return (await exists(path)) ? readFile(path, 'utf8') : null;
    },
    async openCsv(name) {
      const path = join(dir, name);
      // 1 MB reads: papaparse parses each one as it arrives, so memory stays flat.
      return (await exists(path)) ? createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) : null;
    },
  };
}

/** Loads and validates the data folder `dir`. */
export function loadDataset(dir: string): Promise<LoadResult> {
  return readDataset(directorySource(dir));
}
