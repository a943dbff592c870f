/**
 * The local store: the data folder itself. Each accepted file is written
 * atomically (temp file in the same folder, fsync, rename) and hard-linked
 * into `.history/<version>/`, so every accepted version is kept at no extra
 * space; a file that was there before any upload is kept once as
 * `.history/<version>/previous/<file>`. Uploads take turns: an in-process
 * queue, and a lock file against another process on the same folder.
 */
import { appendFile, copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../core/io/writeFileAtomic.ts';
import { basename, join } from 'node:path';
import { directorySource } from '../core/ingest/loadDataset.ts';
import { Recent } from '../core/upload/recent.ts';
import type { Accepted, UploadEntry, UploadStore } from '../core/upload/types.ts';
import { processAlive, removeDeadLockLeftovers, withFileLock } from './fileLock.ts';

export const HISTORY = '.history';
const LOCK = '.keepscore-lock';
/** The lock file of earlier versions (a file holding the pid). */
const OLD_LOCK = '.keepscore-upload.lock';
const TEMP = /^\..+\.upload-(\d+)-[0-9a-f]+\.tmp$/;

/** A plain file name inside the folder; anything else is a bug upstream, refused here too. */
function plainName(name: string): string {
  if (basename(name) !== name || name.startsWith('.') || name.includes('\\')) throw new Error(`not a plain file name: ${JSON.stringify(name)}`);
  return name;
}

/** Hard link, or a copy where the file system has none. */
async function keep(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}

export class LocalStore implements UploadStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log = new Recent<UploadEntry>(50);

  readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  source() {
    return directorySource(this.dataDir);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => withFileLock(join(this.dataDir, LOCK), fn));
    this.queue = run.catch(() => {});
    return run;
  }

  async commit(accepted: Accepted): Promise<void> {
    const history = join(this.dataDir, HISTORY);
    const versionDir = join(history, plainName(accepted.version));
    await mkdir(versionDir, { recursive: true });
    for (const change of accepted.changes) {
      const name = plainName(change.name);
      const live = join(this.dataDir, name);
      const before = await stat(live).catch(() => null);
      // Only a file no upload wrote (no link into history) needs keeping as it was.
      if (before?.isFile() && before.nlink === 1) {
        await mkdir(join(versionDir, 'previous'), { recursive: true });
        await keep(live, join(versionDir, 'previous', name));
      }
      await writeFileAtomic(live, change.text, { tag: 'upload', beforeRename: (temp) => keep(temp, join(versionDir, name)) });
    }
    const { version, at, kind, file, rows } = accepted;
    await appendFile(join(history, 'uploads.jsonl'), `${JSON.stringify({ version, at, kind, file, rows, files: accepted.changes.map((c) => c.name) })}\n`);
    if (accepted.snapshot) await appendFile(join(history, 'pipeline.jsonl'), `${JSON.stringify(accepted.snapshot)}\n`);
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
    return removed;
  }

  /** The accepted versions in `.history`, oldest first. */
  async versions(): Promise<{ version: string; files: string[] }[]> {
    const text = await readFile(join(this.dataDir, HISTORY, 'uploads.jsonl'), 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { version: string; files: string[] });
  }
}
