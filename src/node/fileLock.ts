/**
 * A lock so two processes on one data folder never write at once (the
 * in-process queue already orders uploads within one server), and a holder
 * killed mid-upload never locks uploads out for good.
 *
 * The lock is a folder holding one file, `owner-<pid>-<random>`. It is
 * taken by renaming a folder prepared beforehand onto the lock's name:
 * rename is atomic, and fails while the lock folder holds an owner. A lock
 * whose owner process is gone is taken over by moving that one owner file
 * out — a rename of an exact name, so of two waiters who both saw the dead
 * owner only one succeeds, and neither can remove a lock someone has taken
 * meanwhile (the mistake of "remove the stale lock, then create one", which
 * proper-lockfile 4.1.2 makes too). The emptied folder is then replaced by
 * the next rename, whoever makes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const OWNER = 'owner-';
const pidOf = (owner: string) => Number(owner.slice(OWNER.length).split('-')[0]);
const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Folders left by a process that died while preparing or taking over (`<lock>.<pid>-<hex>`). */
export async function removeDeadLockLeftovers(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`;
  const removed: string[] = [];
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || alive(Number(name.slice(prefix.length).split('-')[0]))) continue;
    await rm(join(dirname(path), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Takes the lock folder `path`, waiting up to `timeoutMs` for a live holder; returns the release. */
export async function acquireLock(path: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staged = `${path}.${token}`;
  const owner = `${OWNER}${token}`;
  await mkdir(staged);
  await writeFile(join(staged, owner), '');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await rename(staged, path);
      return () => releaseLock(path, owner, token);
    } catch (error) {
      if (code(error) !== 'ENOTEMPTY' && code(error) !== 'EEXIST') {
        await rm(staged, { recursive: true, force: true });
        throw error;
      }
    }
    const holder = (await readdir(path).catch(() => [] as string[])).find((n) => n.startsWith(OWNER));
    if (holder === undefined) continue; // released or emptied meanwhile: the next rename decides
    if (!alive(pidOf(holder))) {
      // Only one waiter moves this exact file; the others see ENOENT and look again.
      const grave = `${path}.${token}-stale`;
      if (await rename(join(path, holder), grave).then(() => true, () => false)) await rm(grave, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      await rm(staged, { recursive: true, force: true });
      throw new Error(`the data folder is locked by process ${pidOf(holder)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
  }
}

async function releaseLock(path: string, owner: string, token: string): Promise<void> {
  const released = `${path}.${token}-released`;
  // Gone already means a waiter judged this process dead: nothing of ours is left to remove.
  if (!(await rename(join(path, owner), released).then(() => true, () => false))) return;
  await rm(released, { force: true });
  // Not empty (or gone): a waiter has already renamed its own lock in.
  await rmdir(path).catch(() => {});
}

/** Runs `fn` holding the lock `path`; waits up to `timeoutMs` for another holder. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const release = await acquireLock(path, timeoutMs);
  try {
    return await fn();
  } finally {
    await release();
  }
}

export { alive as processAlive };
