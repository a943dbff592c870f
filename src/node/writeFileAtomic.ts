/**
 * Atomic file replacement: readers (a build, a server) see the old file or
 * the new one, never half of either, and a crash leaves no torn file. The
 * temp file sits in the target's own folder because rename is only atomic
 * within one file system.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Names the writer in the temp file, `.<file>.<tag>-<pid>-<hex>.tmp`, so a clean-up can find its own leftovers. */
  tag?: string;
  /** Runs on the complete, synced temp file just before it replaces `path` (e.g. to link it into a history). */
  beforeRename?: (temp: string) => Promise<void>;
}

/**
 * Writes `text` (UTF-8) to `path`: a temp file beside it, fsync, rename over
 * `path`, then fsync of the folder so the rename itself survives a crash.
 * Creates the folder when missing. The temp file is removed on failure.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${options.tag ?? 'write'}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o644);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await options.beforeRename?.(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** fsync of a folder; some platforms (Windows) cannot open one, and then there is nothing to do. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename is still atomic, only its durability is the OS's.
  } finally {
    await handle?.close();
  }
}
