/**
 * The local store: the data folder itself. An accepted upload is one
 * version, written whole or not at all through a journal (journal.ts): its
 * files staged in `.history/<version>/` (and kept there: every accepted
 * version stays, hard-linked at no extra space), committed by one atomic
 * write, then linked into place; a kill at any moment is finished or undone
 * by the next start. A file that was there before any upload is kept once
 * as `.history/<version>/previous/<file>`. Uploads take turns: an in-process
 * queue, and a lock (fileLock.ts) against another process on the same folder.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { directorySource } from './loadDataset.ts';
import { Recent } from '../core/upload/recent.ts';
import type { Accepted, UploadEntry, UploadStore } from '../core/upload/types.ts';
import { processAlive, removeDeadLockLeftovers, withFileLock } from './fileLock.ts';
import { HISTORY, VersionJournal } from './journal.ts';

export { HISTORY };

const LOCK = '.keepscore-lock';
/** The lock file of earlier versions (a file holding the pid). */
const OLD_LOCK = '.keepscore-upload.lock';
const TEMP = /^\..+\.upload-(\d+)-[0-9a-f]+\.tmp$/;

/** A plain file name inside the folder; anything else is a bug upstream, refused here too. */
function plainName(name: string): string {
  if (basename(name) !== name || name.startsWith('.') || name.includes('\\')) throw new Error(`not a plain file name: ${JSON.stringify(name)}`);
  return name;
}

export class LocalStore implements UploadStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log = new Recent<UploadEntry>(50);

  readonly dataDir: string;
  private readonly journal: VersionJournal;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.journal = new VersionJournal(dataDir);
  }

  source() {
    return directorySource(this.dataDir);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // An upload a killed process committed is finished before the next one is checked against the data.
    const run = this.queue.then(() => withFileLock(join(this.dataDir, LOCK), async () => (await this.journal.recover(), fn())));
    this.queue = run.catch(() => {});
    return run;
  }

  /** One version, whole or not at all (see journal.ts). */
  async commit(accepted: Accepted): Promise<void> {
    for (const change of accepted.changes) plainName(change.name);
    await this.journal.write(accepted);
  }

  async record(entry: UploadEntry): Promise<void> {
    this.log.add(entry);
  }

  async recent(): Promise<UploadEntry[]> {
    return this.log.list();
  }

  /**
   * Removes what a killed writer left (its pid is gone): temp files, the lock's prepared folders, an
   * old-style lock file. A stale lock itself is taken over when next needed.
   */
  async cleanUp(): Promise<string[]> {
    const names = await readdir(this.dataDir).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of names) {
      const match = TEMP.exec(name);
      if (!match || (Number(match[1]) !== process.pid && processAlive(Number(match[1])))) continue;
      await rm(join(this.dataDir, name), { force: true });
      removed.push(name);
    }
    const old = join(this.dataDir, OLD_LOCK);
    const oldOwner = Number(await readFile(old, 'utf8').catch(() => 'none'));
    if (!Number.isNaN(oldOwner) && !processAlive(oldOwner)) {
      await rm(old, { force: true });
      removed.push(OLD_LOCK);
    }
    removed.push(...(await removeDeadLockLeftovers(join(this.dataDir, LOCK))));
    if (!(await stat(join(this.dataDir, HISTORY)).catch(() => null))) return removed;
    const { rolledForward, rolledBack } = await withFileLock(join(this.dataDir, LOCK), () => this.journal.recover());
    if (rolledForward) removed.push(`(finished upload ${rolledForward})`);
    removed.push(...rolledBack.map((v) => `(undone upload ${v})`));
    return removed;
  }

  /** The accepted versions in `.history`, oldest first. */
  versions(): Promise<{ version: string; files: string[] }[]> {
    return this.journal.versions();
  }
}
