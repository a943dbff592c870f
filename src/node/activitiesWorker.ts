/**
 * The worker thread that reads a folder's activities while the main thread
 * reads its deals (issue 14): the core's own `readTables`, so the result is
 * the one an in-thread read gives. Its messages, in order: the job (config
 * and files) in, the deals' ids and lost ids in (once the deals are read), the result out
 * with the table's arrays transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LostIds } from '../core/ingest/lostIds.ts';
import { readTables, type FileToRead, type TableRead } from '../core/ingest/readTables.ts';
import type { DealLinks } from '../core/ingest/references.ts';
import type { Config } from '../core/schema/config.ts';
import { directorySource } from './loadDataset.ts';
import type { Column } from '../core/ingest/tables.ts';

export interface ActivitiesJob {
  config: Config;
  files: readonly FileToRead[];
}

/** The deals, once read: their ids in order, and the ids the deals files failed to define. */
export interface DealsMessage {
  ids: string[];
  lost: LostIds;
}

/** What the worker answers: the read, or the error that stopped it. */
export type ActivitiesAnswer = { read: TableRead<'activities'> } | { error: unknown };

/** The memory of a table's columns, to transfer rather than copy. */
function buffersOf(table: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of Object.values(table) as (Column | number)[]) {
    if (typeof column === 'number') continue;
    const arrays = ArrayBuffer.isView(column) ? [column] : 'codes' in column ? [column.codes] : [column.units, column.starts];
    for (const array of arrays) buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

const port = parentPort!;
port.once('message', async ({ config, files }: ActivitiesJob) => {
  const deals = new Promise<DealLinks>((resolve) => port.once('message', ({ ids, lost }: DealsMessage) => resolve({ index: new Map(ids.map((id, i) => [id, i])), lost: LostIds.revive(lost) })));
  try {
    const read = await readTables(directorySource((workerData as { dir: string }).dir), 'activities', config, files, deals);
    port.postMessage({ read } satisfies ActivitiesAnswer, read.table === null ? [] : buffersOf(read.table));
  } catch (error) {
    port.postMessage({ error } satisfies ActivitiesAnswer);
  }
});
