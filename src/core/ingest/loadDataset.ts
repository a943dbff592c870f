/** The one loader of a data folder on disk: streams each file's bytes into `readDataset`, which decodes them. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_BYTES } from './csv.ts';
import { readDataset, type DataSource, type LoadResult } from './dataset.ts';
import { decodeBytes } from './decode.ts';

async function exists(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** A data source over a directory. A missing file is absent, not an error. */
export function directorySource(dir: string): DataSource {
  return {
    async readText(name) {
      const path = join(dir, name);
      return (await exists(path)) ? decodeBytes(await readFile(path)).text : null;
    },
    async openCsv(name) {
      const path = join(dir, name);
      // Half-megabyte reads, decoded and parsed as they arrive, so memory stays flat.
      return (await exists(path)) ? createReadStream(path, { highWaterMark: CHUNK_BYTES }) : null;
    },
    async list() {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isFile()).map((e) => e.name);
    },
  };
}

/** Loads and validates the data folder `dir`. */
export function loadDataset(dir: string): Promise<LoadResult> {
  return readDataset(directorySource(dir));
}
