/** The one loader of a data folder on disk: streams each file's bytes into `readDataset`, which decodes them. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_BYTES } from '../core/ingest/csvReader.ts';
import { configProblems } from '../core/ingest/configProblems.ts';
import { CONFIG_FILE, readDataset, type DataSource, type LoadResult } from '../core/ingest/dataset.ts';
import { decodeBytes } from '../core/ingest/decode.ts';
import { configSchema, type Config } from '../core/schema/config.ts';

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

/** The folder's config alone, for a setting read after the build (its defaults when it has none or has problems: loading the folder reports those). */
export async function loadConfig(dir: string): Promise<Config> {
  const text = await directorySource(dir).readText(CONFIG_FILE);
  const found = text === null ? null : configProblems(CONFIG_FILE, text);
  return found !== null && 'config' in found ? found.config : configSchema.parse({});
}
