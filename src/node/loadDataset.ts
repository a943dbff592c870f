/** The one loader of a data folder on disk: streams each file's bytes into `readDataset`, which decodes them. */
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHUNK_BYTES } from '../core/ingest/csvReader.ts';
import { configProblems } from '../core/ingest/configProblems.ts';
import { CONFIG_FILE, readDataset, type ActivitiesReader, type DataSource, type LoadResult } from '../core/ingest/dataset.ts';
import { decodeBytes } from '../core/ingest/decode.ts';
import { ProblemLog } from '../core/ingest/problems.ts';
import { configSchema, type Config } from '../core/schema/config.ts';
import type { ActivitiesAnswer, ActivitiesJob, DealsMessage } from './activitiesWorker.ts';

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

/**
 * A folder with more CSV than this is read on two threads: a worker costs
 * about 0.15 s to start, which a few megabytes of activities repay.
 */
export const WORKER_BYTES = 8 << 20;

const WORKER = new URL('./activitiesWorker.ts', import.meta.url);

/**
 * Whether to read the activities on a worker thread: a big folder, and the
 * worker's module beside this one (a page bundle of the site build has it
 * elsewhere, and reads in one thread).
 */
async function twoThreads(dir: string): Promise<boolean> {
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return false;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let bytes = 0;
  for (const e of entries) if (e.isFile() && /\.csv$/i.test(e.name)) bytes += (await stat(join(dir, e.name))).size;
  return bytes > WORKER_BYTES;
}

/** Reads the activities on a worker thread: the job goes out at once, the deals' ids when the deals are read. */
function workerReader(worker: Worker): ActivitiesReader {
  return (config, files, deals) => new Promise((resolve, reject) => {
    worker.once('message', (answer: ActivitiesAnswer) => {
      if ('error' in answer) reject(answer.error);
      else resolve({ ...answer.read, problems: ProblemLog.revive(answer.read.problems) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the activities worker stopped (exit code ${code})`)));
    worker.postMessage({ config, files } satisfies ActivitiesJob);
    void deals.then(({ index, lost }) => {
      const ids: string[] = [];
      for (const [id, i] of index) ids[i] = id;
      worker.postMessage({ ids, lost } satisfies DealsMessage);
    });
  });
}

/**
 * Loads and validates the data folder `dir`. A big folder's activities are
 * read on a second thread while the deals load on this one (`threads`: 2 or
 * 1 to choose; the result is the same).
 */
export async function loadDataset(dir: string, options: { threads?: 1 | 2 } = {}): Promise<LoadResult> {
  const source = directorySource(dir);
  if (!(options.threads === 2 || (options.threads === undefined && (await twoThreads(dir))))) return readDataset(source);
  const worker = new Worker(WORKER, { workerData: { dir } });
  try {
    return await readDataset(source, { readActivities: workerReader(worker) });
  } finally {
    await worker.terminate();
  }
}

/** The folder's config alone, for a setting read after the build (its defaults when it has none or has problems: loading the folder reports those). */
export async function loadConfig(dir: string): Promise<Config> {
  const text = await directorySource(dir).readText(CONFIG_FILE);
  const found = text === null ? null : configProblems(CONFIG_FILE, text);
  return found !== null && 'config' in found ? found.config : configSchema.parse({});
}
